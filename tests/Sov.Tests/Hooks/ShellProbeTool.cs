using Sov.Core.Tools;
using Sov.Core.Tools.Effects;

namespace Sov.Tests.Hooks;

/// <summary>A tool named shell that says it runs its command (judged as the real one is), and records whether it ran.</summary>
internal sealed class ShellProbeTool : ITool
{
    public int Runs { get; private set; }

    public string Name => "shell";

    public string Description => "test";

    public ToolSchema Schema { get; } = new(new ToolParameter("command", ToolParameterType.String, "", Required: true));

    public bool IsReadOnly => false;

    public ToolEffect EffectOf(ToolArguments arguments) => new RunCommand(arguments?.GetString("command") ?? "");

    public Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        Runs++;
        return Task.FromResult(ToolOutput.Ok("ran"));
    }
}
