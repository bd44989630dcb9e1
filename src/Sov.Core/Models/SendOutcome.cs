namespace Sov.Core.Models;

/// <summary>One attempt at sending: a response to stream, or a reason and delay for retrying.</summary>
internal readonly record struct SendOutcome(HttpResponseMessage? Response, string? RetryReason, TimeSpan Delay, Exception? Failure);
