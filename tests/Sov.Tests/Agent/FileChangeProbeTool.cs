using Sov.Core.Tools;

namespace Sov.Tests.Agent;

/// <summary>A tool that reports a file change, as the writing tools will.</summary>
internal sealed class FileChangeProbeTool : ITool
{
    public string Name => "touch_probe";

    public string Description => "test";

    public ToolSchema Schema { get; } = new();

    public bool IsReadOnly => true;

    public Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        context.ReportFileChanged("src/a.cs", "modified");
        return Task.FromResult(ToolOutput.Ok("touched"));
    }
}
