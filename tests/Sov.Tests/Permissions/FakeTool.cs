using Sov.Core.Tools;
using Sov.Core.Tools.Effects;

namespace Sov.Tests.Permissions;

/// <summary>A tool that does nothing, for judging calls by what it says they touch (nothing said: unknown).</summary>
internal sealed class FakeTool(string name, bool readOnly, Func<ToolArguments, ToolEffect>? effect = null) : ITool
{
    public string Name => name;
    public string Description => "";
    public ToolSchema Schema { get; } = new();
    public bool IsReadOnly => readOnly;
    public ToolEffect EffectOf(ToolArguments arguments) => effect?.Invoke(arguments) ?? ToolEffect.Unknown;
    public Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ToolOutput.Ok(""));
}
