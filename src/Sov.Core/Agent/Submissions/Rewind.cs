namespace Sov.Core.Agent.Submissions;

/// <summary>
/// Take the conversation back to before its <paramref name="Turn"/>-th prompt (1 is the first), and with
/// <paramref name="Files"/> the files too, from the rewound turns' checkpoints; answered by a <see cref="Events.RewindCompleted"/> (#17).
/// </summary>
public sealed record Rewind(int Turn, bool Files) : Submission;
