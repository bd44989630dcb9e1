using System.CommandLine;
using System.Text.Json;
using Sov.Core;

namespace Sov.Cli.Commands;

/// <summary>
/// <c>sov version</c>: the version (as <c>sov --version</c> prints it) and the digest of the SBOM shipped with this
/// build; <c>--json</c> prints them as one JSON object: <c>{"version":"…","sbom_digest":"sha256:…"|"none"}</c>.
/// </summary>
internal static class VersionCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the version and the SBOM digest as JSON" };
        var command = new Command("version", "Print the version and the SHA-256 of this build's SBOM") { json };
        command.SetAction(async (parse, _) =>
        {
            if (parse.GetValue(json))
            {
                using var buffer = new MemoryStream();
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    writer.WriteStartObject();
                    writer.WriteString("version", VersionInfo.Version);
                    writer.WriteString("sbom_digest", SbomInfo.Digest);
                    writer.WriteEndObject();
                }

                await context.Out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            await context.Out.WriteLineAsync($"sov {VersionInfo.Version}").ConfigureAwait(false);
            await context.Out.WriteLineAsync($"sbom {SbomInfo.Digest}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
