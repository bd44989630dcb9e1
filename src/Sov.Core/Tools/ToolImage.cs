namespace Sov.Core.Tools;

/// <summary>An image a tool hands the model (read_file on a PNG, JPEG, GIF or WebP): its media type, bytes and where it came from.</summary>
public sealed record ToolImage(string MediaType, ReadOnlyMemory<byte> Bytes, string Source);
