using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>
/// One hook run (#17): which hook (its label and command), for which event and tool, whether it ran in the sandbox,
/// its exit code (null when killed at its timeout or never started), how long it took and the decision read from it
/// (<c>go_on</c>, <c>block</c>, <c>approve</c>, <c>error</c>, <c>timeout</c>).
/// </summary>
public sealed record HookRunRecord(string Hook, string Command, string Event, string? Tool, bool Sandboxed, int? ExitCode, long DurationMs, string Decision)
    : IJournalRecord
{
    public string Type => "hook_run";

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("hook", Hook);
        writer.WriteString("command", Command);
        writer.WriteString("event", Event);
        if (Tool is not null)
        {
            writer.WriteString("tool", Tool);
        }

        writer.WriteBoolean("sandboxed", Sandboxed);
        if (ExitCode is { } code)
        {
            writer.WriteNumber("exit_code", code);
        }
        else
        {
            writer.WriteNull("exit_code");
        }

        writer.WriteNumber("duration_ms", DurationMs);
        writer.WriteString("decision", Decision);
    }
}
