using System.Collections.Concurrent;
using Sov.Core.Hooks;

namespace Sov.Tests.Hooks;

/// <summary>A hook process that answers from a script (by event) and keeps every input it was given.</summary>
internal sealed class ScriptedHookProcess(Func<HookDefinition, string, HookProcessResult> answer) : IHookProcess
{
    public ConcurrentQueue<(HookDefinition Hook, string Input)> Runs { get; } = new();

    public Task<HookProcessResult> RunAsync(HookDefinition hook, string input, CancellationToken cancellationToken)
    {
        Runs.Enqueue((hook, input));
        return Task.FromResult(answer(hook, input));
    }

    public static HookProcessResult Exit(int code, string stdout = "", string stderr = "") =>
        new(code, stdout, stderr, false, TimeSpan.FromMilliseconds(3), true);
}
