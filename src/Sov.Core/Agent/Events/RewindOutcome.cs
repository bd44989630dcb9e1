using System.Text.Json.Serialization;

namespace Sov.Core.Agent.Events;

/// <summary>How a <c>Rewind</c> submission ended (on the wire: the snake_case names below).</summary>
public enum RewindOutcome
{
    [JsonStringEnumMemberName("rewound")]
    Rewound,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
