using Sov.TestKit.Model;

namespace Sov.EndToEnd.Faults;

/// <summary>
/// One way a model server misbehaves, and what <c>sov exec</c> must do about it: the exit code, a fragment of
/// the one-line message (or remedy) on stderr, optionally what stdout keeps and how many requests were made.
/// </summary>
internal sealed record StreamFaultCase(string Name, Action<ScriptedModelServer> Arrange, int Exit, string Message)
{
    /// <summary>SOV_* settings for the run (short timeouts, so the fault shows within seconds).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra arguments before the task (a permission mode, say).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>What stdout must hold (the text kept), when set.</summary>
    public string? Stdout { get; init; }

    /// <summary>How many chat requests the run must have made, when set (a retried fault, a refusal never retried).</summary>
    public int? Requests { get; init; }

    /// <summary>A file the workspace must hold afterwards, and its length.</summary>
    public (string Path, int Length)? Written { get; init; }

    public override string ToString() => Name;
}
