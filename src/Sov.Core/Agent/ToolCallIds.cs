using System.Globalization;
using Microsoft.Extensions.AI;
using Sov.Core.Agent.Events;

namespace Sov.Core.Agent;

/// <summary>
/// Tool calls of one answer must have distinct ids (each result names its call). A call reusing an id
/// already taken gets a new one, with a warning, so no result can be matched to the wrong call (#13.8).
/// </summary>
internal static class ToolCallIds
{
    /// <param name="prefix">Put before every id (a child's calls); empty for the session's own.</param>
    public static List<FunctionCallContent> MakeUnique(List<FunctionCallContent> calls, Action<AgentEvent> emit, string prefix = "")
    {
        if (prefix.Length > 0)
        {
            calls = [.. calls.Select(c => Renamed(c, prefix + c.CallId))];
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<FunctionCallContent>(calls.Count);
        foreach (var call in calls)
        {
            if (taken.Add(call.CallId))
            {
                result.Add(call);
                continue;
            }

            var n = 2;
            string id;
            do
            {
                id = string.Create(CultureInfo.InvariantCulture, $"{call.CallId}_{n++}");
            }
            while (!taken.Add(id));

            emit(new Warning($"The model gave two tool calls the same id '{call.CallId}'; the later one ({call.Name}) is now '{id}'."));
            result.Add(Renamed(call, id));
        }

        return result;
    }

    private static FunctionCallContent Renamed(FunctionCallContent call, string id) =>
        new(id, call.Name, call.Arguments) { Exception = call.Exception, AdditionalProperties = call.AdditionalProperties };
}
