using Microsoft.Extensions.AI;
using Sov.Core.Models;
using Sov.Core.Secrets;

namespace Sov.Core.Agent;

/// <summary>
/// Teaches a session's secret memory what the tool results of a resumed conversation showed, each with the
/// arguments of the call it answers: the first request of a resumed session carries them again, and a value
/// learned only because it came from a credentials file would otherwise go out before anything re-learned it.
/// </summary>
internal static class HistorySecrets
{
    public static void Learn(SecretMemory memory, IEnumerable<ChatMessage> messages)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            foreach (var content in message.Contents)
            {
                if (content is FunctionCallContent call)
                {
                    arguments[call.CallId] = RawArguments.Get(call) ?? string.Join(' ', call.Arguments?.Values ?? []);
                }
                else if (content is FunctionResultContent { Result: { } result } answer)
                {
                    memory.LearnFromToolOutput(arguments.GetValueOrDefault(answer.CallId, "{}"), result.ToString() ?? "");
                }
            }
        }
    }
}
