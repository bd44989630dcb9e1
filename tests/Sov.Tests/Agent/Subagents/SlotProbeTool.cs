using Sov.Core.Tools;

namespace Sov.Tests.Agent.Subagents;

/// <summary>
/// A read-only tool that counts how many of its calls run at once and holds each until <see cref="Release"/> is set;
/// <see cref="Running"/> completes when <paramref name="expected"/> calls are inside at the same time.
/// </summary>
internal sealed class SlotProbeTool(int expected) : ITool
{
    private int _current;
    private int _max;

    public TaskCompletionSource Running { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Max => Volatile.Read(ref _max);

    public string Name => "slot_probe";

    public string Description => "test";

    public ToolSchema Schema { get; } = new();

    public bool IsReadOnly => true;

    public async Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _current);
        int seen;
        while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
        {
        }

        if (now == expected)
        {
            Running.TrySetResult();
        }

        try
        {
            // Bounded, so a broken bound fails the test instead of hanging the run.
            await Release.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return ToolOutput.Ok("probed");
        }
        finally
        {
            Interlocked.Decrement(ref _current);
        }
    }
}
