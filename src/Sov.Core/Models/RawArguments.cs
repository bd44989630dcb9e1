using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Sov.Core.Models;

/// <summary>
/// The exact argument text of a tool call as the model sent it, kept on the
/// <see cref="FunctionCallContent"/> so the conversation is echoed back byte for byte (even when the
/// text was not valid JSON, in which case <see cref="FunctionCallContent.Exception"/> says why).
/// </summary>
public static class RawArguments
{
    public const string Key = "sov.raw_arguments";

    public static string? Get(FunctionCallContent call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.AdditionalProperties?.TryGetValue(Key, out var value) == true ? value as string : null;
    }

    /// <summary>A call from raw argument text: parsed into JSON values when possible, else carrying the parse error.</summary>
    public static FunctionCallContent CreateCall(string callId, string name, string raw)
    {
        var text = string.IsNullOrWhiteSpace(raw) ? "{}" : raw;
        FunctionCallContent call;
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("the arguments are not a JSON object");
            }

            var args = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                args[p.Name] = p.Value.Clone();
            }

            call = new FunctionCallContent(callId, name, args);
        }
        catch (JsonException e)
        {
            call = new FunctionCallContent(callId, name) { Exception = e };
        }

        call.AdditionalProperties = new AdditionalPropertiesDictionary { [Key] = text };
        return call;
    }
}
