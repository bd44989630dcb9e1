namespace Sov.Core.Models;

/// <summary>One attempt at sending: a response to stream, a reason and delay for retrying, or a refusal of the request's content.</summary>
internal readonly record struct SendOutcome(HttpResponseMessage? Response, string? RetryReason, TimeSpan Delay, RequestRefusal? Refusal);
