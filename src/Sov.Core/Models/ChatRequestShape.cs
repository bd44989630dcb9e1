namespace Sov.Core.Models;

/// <summary>
/// How a request body is written beyond the conversation itself. The defaults are what every server takes;
/// a server that refused a request turns one of these on for the rest of the session (#16), so the byte prefix
/// of later requests stays stable after that one change.
/// </summary>
public sealed record ChatRequestShape
{
    public static ChatRequestShape Default { get; } = new();

    /// <summary>Earlier tool calls' arguments re-serialized canonically and assistant content never null: for a server that refused the history.</summary>
    public bool StrictHistory { get; init; }

    /// <summary>Tool schemas reduced to names, types and required lists: for a server whose grammar compiler refused them.</summary>
    public bool PlainSchemas { get; init; }

    /// <summary>Ollama's <c>options.num_ctx</c>, sent when the window wanted is larger than the one Ollama would give.</summary>
    public int? OllamaNumCtx { get; init; }
}
