using Sov.Core.Tools;

namespace Sov.Tests.Agent;

/// <summary>
/// A read-only tool that waits at a shared barrier: two calls can only finish if they run at the same
/// time. With <c>untilCancelled</c> it waits for cancellation instead (for interrupt tests).
/// </summary>
internal sealed class BlockingTool(string name, Barrier? barrier, bool untilCancelled = false) : ITool
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => name;

    public string Description => "test";

    public ToolSchema Schema { get; } = new();

    public bool IsReadOnly => true;

    public async Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        Started.TrySetResult();
        if (untilCancelled)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        // Bounded, so a regression to sequential calls fails the test instead of hanging the run.
        var together = await Task.Run(() => barrier!.SignalAndWait(TimeSpan.FromSeconds(30), cancellationToken), cancellationToken);
        return together ? ToolOutput.Ok(name + " done") : ToolOutput.Error(name + " ran alone");
    }
}
