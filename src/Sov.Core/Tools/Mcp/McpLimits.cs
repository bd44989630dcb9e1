namespace Sov.Core.Tools.Mcp;

/// <summary>
/// How much an MCP server may put on a session (issue #12: 2,000 tools with 16 KiB schemas made a 32.8 MB
/// first request; a call that never answered hung <c>sov exec</c>; a 300 MB result took 2.8 GB of memory).
/// Every read from a server is bounded in bytes (<see cref="MaxMessageBytes"/>, applied while reading) and
/// in time (the server's <c>startup_timeout_seconds</c> and <c>timeout_seconds</c>).
/// </summary>
public static class McpLimits
{
    /// <summary>One JSON-RPC message (a stdio line, an HTTP response body); a server that sends more is disconnected.</summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    /// <summary>Pages of <c>tools/list</c> followed (a server may loop its <c>nextCursor</c>).</summary>
    public const int MaxListPages = 16;

    /// <summary>Tools one server may offer the model.</summary>
    public const int MaxToolsPerServer = 64;

    /// <summary>Tools all servers together may offer the model.</summary>
    public const int MaxTools = 128;

    /// <summary>Bytes of MCP tool declarations (name, description, schema) in every request to the model.</summary>
    public const int MaxDeclarationBytes = 64 * 1024;

    /// <summary>Default <c>timeout_seconds</c>: how long one <c>tools/call</c> may take.</summary>
    public const int DefaultCallSeconds = 60;

    /// <summary>Default <c>startup_timeout_seconds</c>: how long starting, <c>initialize</c> and <c>tools/list</c> may take.</summary>
    public const int DefaultStartupSeconds = 30;
}
