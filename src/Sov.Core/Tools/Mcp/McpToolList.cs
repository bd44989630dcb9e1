namespace Sov.Core.Tools.Mcp;

/// <summary>A server's tools as listed, and whether it had more pages than were followed (<see cref="McpLimits.MaxListPages"/>).</summary>
public sealed record McpToolList(IReadOnlyList<McpToolInfo> Tools, bool Incomplete);
