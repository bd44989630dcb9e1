using System.Text.Json.Serialization;

namespace Sov.Core.Agent.Events;

/// <summary>How a turn ended (on the wire: the snake_case names below).</summary>
public enum TurnOutcome
{
    [JsonStringEnumMemberName("completed")]
    Completed,

    [JsonStringEnumMemberName("failed")]
    Failed,

    [JsonStringEnumMemberName("interrupted")]
    Interrupted,

    [JsonStringEnumMemberName("max_turns")]
    MaxTurns,
}
