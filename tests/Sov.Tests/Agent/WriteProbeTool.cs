using Sov.Core.Tools;

namespace Sov.Tests.Agent;

/// <summary>A tool that is not read-only, to check the permission hook; records whether it ran.</summary>
internal sealed class WriteProbeTool : ITool
{
    public int Runs { get; private set; }

    public string Name => "write_probe";

    public string Description => "test";

    public ToolSchema Schema { get; } = new(new ToolParameter("path", ToolParameterType.String, "", Required: true));

    public bool IsReadOnly => false;

    public Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        Runs++;
        return Task.FromResult(ToolOutput.Ok("written"));
    }
}
