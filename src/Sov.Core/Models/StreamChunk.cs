namespace Sov.Core.Models;

/// <summary>What one <c>chat.completion.chunk</c> carried, flattened from choices[0].</summary>
public sealed class StreamChunk
{
    public string? Content { get; set; }

    public string? Reasoning { get; set; }

    public List<(int Index, string? Id, string? Name, string? Arguments)> ToolCalls { get; } = [];

    public string? FinishReason { get; set; }

    public long? InputTokens { get; set; }

    public long? OutputTokens { get; set; }

    public long? TotalTokens { get; set; }

    public string? ErrorMessage { get; set; }

    public string? ResponseId { get; set; }

    public string? Model { get; set; }
}
