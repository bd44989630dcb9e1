using Microsoft.Extensions.AI;

namespace Sov.Core.Models;

/// <summary>Streamed before a retry so the front end can say why it is waiting (e.g. "HTTP 429, retrying in 2 s").</summary>
public sealed class RetryNotice(string message, int attempt, TimeSpan delay) : AIContent
{
    public string Message { get; } = message;

    public int Attempt { get; } = attempt;

    public TimeSpan Delay { get; } = delay;
}
