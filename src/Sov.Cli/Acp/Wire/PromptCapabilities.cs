namespace Sov.Cli.Acp.Wire;

/// <summary>The content a prompt may carry beside text.</summary>
internal sealed record PromptCapabilities(bool Image, bool Audio, bool EmbeddedContext);
