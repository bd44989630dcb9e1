using Sov.Cli.Terminal;
using Sov.Cli.Terminal.Render;

namespace Sov.Cli.Interactive.Slash;

/// <summary><c>/reasoning</c>: the last turn's reasoning in full, behind the gutter.</summary>
internal sealed class ReasoningCommand : ISlashCommand
{
    public IReadOnlyList<string> Names { get; } = ["reasoning"];

    public Task<int?> RunAsync(SlashContext session, string arguments, CancellationToken cancellationToken)
    {
        var reasoning = session.View.LastReasoning;
        FencedRows.Gutter(session.Surface).WriteLines(reasoning.Length == 0 ? "(no reasoning in the last turn)" : reasoning.Trim(), Style.Dim);
        return Task.FromResult<int?>(null);
    }
}
