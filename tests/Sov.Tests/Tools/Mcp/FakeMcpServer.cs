using Sov.Core.Tools.Mcp;

namespace Sov.Tests.Tools.Mcp;

/// <summary>An MCP server in memory: it answers every call with one result and remembers the last arguments.</summary>
internal sealed class FakeMcpServer(string name, McpCallResult result) : IMcpServer
{
    public string Name => name;

    public IReadOnlyDictionary<string, object?>? LastArguments { get; private set; }

    public Task<McpToolList> ListToolsAsync(CancellationToken cancellationToken) => Task.FromResult(new McpToolList([], false));

    public Task<McpCallResult> CallAsync(string tool, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        LastArguments = arguments;
        return Task.FromResult(result);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
