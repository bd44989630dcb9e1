using Sov.Cli.Terminal;
using Sov.Core.Config;

namespace Sov.Cli.Interactive;

/// <summary>
/// <c>sov</c> with no model endpoint configured and none answering on loopback: say what Sovereign is
/// and how to point it at a model (exit 3, as <c>sov exec</c>). The config lines it shows are valid TOML,
/// one key per line, ready to paste into the config file it names.
/// </summary>
internal static class FirstRun
{
    public static void Print(TerminalSurface surface, ConfigException reason, string configFile)
    {
        surface.WriteLine($"Sovereign {VersionInfo.Version}: a terminal coding agent for self-hosted models.", Style.Accent);
        surface.WriteLine();
        surface.WriteLine("Run 'sov' in a folder to chat with your own model there; it reads, edits and runs code under");
        surface.WriteLine("your rules. Nothing leaves this machine except to the hosts you name, shell commands run in a");
        surface.WriteLine("bubblewrap sandbox, hidden Unicode is caught both ways, and every crossing is journaled.");
        surface.WriteLine();
        surface.WriteLine(reason.Message, Style.Warning);
        surface.WriteLine(reason.Remedy);
        surface.WriteLine($"Or set it once in {configFile}:");
        foreach (var line in ConfigHint)
        {
            surface.WriteLine("    " + line, Style.Dim);
        }

        surface.WriteLine("Then 'sov doctor' checks it. Headless: sov exec \"explain this repository\" · sov --help for every command", Style.Dim);
    }

    /// <summary>The lines to paste into config.toml (kept valid TOML by a test).</summary>
    public static IReadOnlyList<string> ConfigHint { get; } =
    [
        "endpoint = \"http://127.0.0.1:8000/v1\"",
        "model = \"qwen3-coder\"",
    ];
}
