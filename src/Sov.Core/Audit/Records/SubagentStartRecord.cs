using System.Text.Json;

namespace Sov.Core.Audit.Records;

/// <summary>
/// A subagent started (#17): its id in this session (its calls' ids start with it), the <c>task</c> call that started it,
/// the agent and the file it was defined in (null: built in), and the tools it has. Its calls, their results and its usage
/// follow as ordinary records in this journal, chained like every other; <see cref="SubagentEndRecord"/> closes it.
/// </summary>
public sealed record SubagentStartRecord(string Child, string CallId, string Agent, string? Source, IReadOnlyList<string> Tools) : IJournalRecord
{
    public string Type => "subagent_start";

    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("child", Child);
        writer.WriteString("call_id", CallId);
        writer.WriteString("agent", Agent);
        writer.WriteString("source", Source);
        writer.WriteStartArray("tools");
        foreach (var tool in Tools)
        {
            writer.WriteStringValue(tool);
        }

        writer.WriteEndArray();
    }
}
