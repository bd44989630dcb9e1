namespace Sov.Core.Tools;

/// <summary>What a tool sends back to the model: text, flagged when it is an error the model should react to.</summary>
public sealed record ToolOutput(string Text, bool IsError)
{
    /// <summary>An image for the model (only for a model that accepts images); <see cref="Text"/> says what it is.</summary>
    public ToolImage? Image { get; init; }

    /// <summary>How the result of a refused call starts (front ends told the person by a Warning already).</summary>
    public const string DeniedPrefix = "Denied: ";

    /// <summary>The turn ends after this call, without asking the model again (an approved plan, #17).</summary>
    public bool EndsTurn { get; init; }

    public static ToolOutput Ok(string text) => new(text, false);

    public static ToolOutput Error(string text) => new(text, true);
}
