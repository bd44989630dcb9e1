using Microsoft.Extensions.AI;

namespace Sov.Core.Models;

/// <summary>
/// Where a tool call was found (#16): <c>native</c> (the server's <c>tool_calls</c>), <c>content</c> (printed in the
/// answer's text) or <c>reasoning</c> (printed in the reasoning, rescued because the answer carried none).
/// Recorded on the call so the events and the journal can say it.
/// </summary>
public static class CallSource
{
    public const string Key = "sov.call_source";

    public static string Get(FunctionCallContent call, string fallback = "native")
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.AdditionalProperties?.TryGetValue(Key, out var value) == true && value is string s ? s : fallback;
    }

    public static FunctionCallContent Mark(FunctionCallContent call, string source)
    {
        ArgumentNullException.ThrowIfNull(call);
        (call.AdditionalProperties ??= [])[Key] = source;
        return call;
    }
}
