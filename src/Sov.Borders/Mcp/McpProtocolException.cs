namespace Sov.Borders.Mcp;

/// <summary>A server broke the protocol or the transport failed (an HTTP status, an answer to another request, a malformed result).</summary>
public sealed class McpProtocolException(string message) : IOException(message);
