namespace Sov.Cli.Acp.Wire;

/// <summary>A piece of content: text, an image, a resource link or an embedded resource (ACP schema ContentBlock, flattened).</summary>
internal sealed record ContentBlock(string? Type, string? Text = null, string? Data = null, string? MimeType = null, string? Uri = null, string? Name = null,
    EmbeddedResource? Resource = null);
