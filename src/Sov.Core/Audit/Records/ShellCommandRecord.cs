using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>A command run through the process border: argv, sandbox profile, exit code, duration; the runner when not ours (the editor's terminal, #18).</summary>
public sealed record ShellCommandRecord(IReadOnlyList<string> Argv, string SandboxProfile, int? ExitCode, long DurationMs)
    : IJournalRecord
{
    public string Type => "shell_command";

    /// <summary>What ran the command when not Sovereign's own process border (<c>editor-terminal</c>); null writes no field.</summary>
    public string? Runner { get; init; }

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray("argv");
        foreach (var a in Argv)
        {
            writer.WriteStringValue(a);
        }

        writer.WriteEndArray();
        writer.WriteString("sandbox_profile", SandboxProfile);
        if (Runner is { } runner)
        {
            writer.WriteString("runner", runner);
        }

        if (ExitCode is { } code)
        {
            writer.WriteNumber("exit_code", code);
        }
        else
        {
            writer.WriteNull("exit_code");
        }

        writer.WriteNumber("duration_ms", DurationMs);
    }
}
