using Sov.Core.Tools.Mcp;

namespace Sov.Borders.Mcp;

/// <summary>An MCP server sent one message larger than <see cref="McpLimits.MaxMessageBytes"/>; reading stopped there.</summary>
public sealed class McpMessageTooLargeException(long limit)
    : IOException($"the server sent a message over {(limit % (1024 * 1024) == 0 ? $"{limit / (1024 * 1024)} MiB" : $"{limit} bytes")} (the limit for one MCP message), and was disconnected");
