using System.Text.Json.Serialization;

namespace Sov.Core.Agent.Events;

/// <summary>How an <c>Undo</c> submission ended (on the wire: the snake_case names below).</summary>
public enum UndoOutcome
{
    [JsonStringEnumMemberName("undone")]
    Undone,

    [JsonStringEnumMemberName("nothing")]
    Nothing,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
