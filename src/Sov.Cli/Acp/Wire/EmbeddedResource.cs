namespace Sov.Cli.Acp.Wire;

/// <summary>The contents of an embedded resource: text, or a blob (which Sovereign does not read).</summary>
internal sealed record EmbeddedResource(string? Uri, string? Text, string? MimeType, string? Blob);
