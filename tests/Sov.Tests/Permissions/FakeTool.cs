using Sov.Core.Tools;

namespace Sov.Tests.Permissions;

/// <summary>A tool that does nothing, for judging calls by name and read-only flag.</summary>
internal sealed class FakeTool(string name, bool readOnly) : ITool
{
    public string Name => name;
    public string Description => "";
    public ToolSchema Schema { get; } = new();
    public bool IsReadOnly => readOnly;
    public Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ToolOutput.Ok(""));
}
