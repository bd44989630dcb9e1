using System.Text.Json.Serialization;

namespace Sov.Core.Audit.Export;

/// <summary>What a collector made of a batch.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExportOutcome>))]
public enum ExportOutcome
{
    /// <summary>2xx: acknowledged; the cursor moves past the batch.</summary>
    [JsonStringEnumMemberName("accepted")] Accepted,

    /// <summary>Unreachable, timed out, 408, 429 or 5xx: worth sending again later.</summary>
    [JsonStringEnumMemberName("retry")] Retry,

    /// <summary>Another answer (a 4xx, a refused destination): the same request will not fare better by itself.</summary>
    [JsonStringEnumMemberName("refused")] Refused,
}
