using System.CommandLine;
using System.Text.Json;
using Sov.Cli.Version;

namespace Sov.Cli.Commands;

/// <summary>
/// <c>sov version [--json]</c> and the root's <c>--version</c> (#20): the version, the commit the binary was built
/// from, whether that tree was clean, and the digest of the SBOM it shipped with. Nothing is read from the environment
/// or the disk.
/// </summary>
internal static class VersionCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print version, commit, clean and more as a JSON object" };
        var command = new Command("version", "Show the version, the commit it was built from and whether that tree was clean") { json };
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(json) ? JsonSerializer.Serialize(VersionReport.Current(), VersionJson.Default.VersionReport) : $"{VersionInfo.Line}\nsbom {VersionInfo.SbomDigest}";
            await context.Out.WriteLineAsync(text.AsMemory(), ct).ConfigureAwait(false);
            return Sov.Core.ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Makes the root's <c>--version</c> print <see cref="VersionInfo.Line"/> instead of the bare version.</summary>
    public static void ConfigureRootOption(RootCommand root, CliContext context)
    {
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new VersionLineAction(context);
        }
    }
}
