using Sov.Cli.Terminal;
using Sov.Core.Config;

namespace Sov.Cli.Interactive;

/// <summary>
/// <c>sov</c> with no model endpoint configured and none answering on loopback: say what Sovereign is
/// and how to point it at a model, rather than fail. (A configured but unreachable endpoint is an error.)
/// </summary>
internal static class FirstRun
{
    public static void Print(TerminalSurface surface, ConfigException reason)
    {
        surface.WriteLine($"Sovereign {VersionInfo.Version}: a terminal coding agent for self-hosted models.", Style.Accent);
        surface.WriteLine();
        surface.WriteLine("Run 'sov' in a folder to chat with your own model there; it reads, edits and runs code under");
        surface.WriteLine("your rules. Nothing leaves this machine except to the hosts you name, shell commands run in a");
        surface.WriteLine("bubblewrap sandbox, hidden Unicode is caught both ways, and every crossing is journaled.");
        surface.WriteLine();
        surface.WriteLine(reason.Message, Style.Warning);
        surface.WriteLine(reason.Remedy);
        surface.WriteLine("Or set it once in config.toml:  endpoint = \"http://127.0.0.1:8000/v1\"  model = \"qwen3-coder\"", Style.Dim);
        surface.WriteLine("Headless: sov exec \"explain this repository\" · sov --help for every command", Style.Dim);
    }
}
