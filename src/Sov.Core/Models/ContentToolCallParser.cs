using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Sov.Core.Models;

/// <summary>
/// Finds tool calls a local server left in the answer's text instead of <c>tool_calls</c>: the
/// Qwen3-Coder XML form (<c>&lt;tool_call&gt;&lt;function=NAME&gt;&lt;parameter=KEY&gt;VALUE&lt;/parameter&gt;…</c>),
/// the Hermes form (<c>&lt;tool_call&gt;{"name":…,"arguments":{…}}&lt;/tool_call&gt;</c>) and, only when it
/// names a known tool, a fenced JSON object or a gpt-oss harmony call. Returns the calls and the text without them;
/// <see cref="ParseReasoning"/> rescues complete calls from reasoning text.
/// </summary>
public static partial class ContentToolCallParser
{
    public static (IReadOnlyList<FunctionCallContent> Calls, string Text) Parse(string text, IReadOnlySet<string> knownTools)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(knownTools);
        var calls = new List<FunctionCallContent>();
        if (text.Contains("<function=", StringComparison.Ordinal))
        {
            text = QwenXml().Replace(text, m =>
            {
                var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (Match p in QwenParameter().Matches(m.Groups["body"].Value))
                {
                    arguments[p.Groups["name"].Value.Trim()] = TrimOneNewline(p.Groups["value"].Value);
                }

                calls.Add(RawArguments.CreateCall(NextId(calls), m.Groups["name"].Value.Trim(), StringObject(arguments)));
                return "";
            });
        }

        if (text.Contains("<tool_call>", StringComparison.Ordinal))
        {
            text = Hermes().Replace(text, m => TryJsonCall(m.Groups["json"].Value, calls, knownTools, requireKnown: false) ? "" : m.Value);
        }

        if (calls.Count == 0 && text.Contains("```", StringComparison.Ordinal))
        {
            text = Fenced().Replace(text, m => TryJsonCall(m.Groups["json"].Value, calls, knownTools, requireKnown: true) ? "" : m.Value);
        }

        if (calls.Count == 0 && text.Contains("to=functions.", StringComparison.Ordinal))
        {
            text = Harmony().Replace(text, m => TryArguments(m.Groups["name"].Value, m.Groups["json"].Value, calls, knownTools) ? "" : m.Value);
        }

        foreach (var call in calls)
        {
            CallSource.Mark(call, "content");
        }

        return (calls, calls.Count == 0 ? text : text.Trim());
    }

    /// <summary>
    /// Complete calls a model printed in its reasoning (Qwen3, gpt-oss on servers without the matching parser,
    /// #16; OpenCode #7185): only closed forms naming a known tool count, since reasoning also muses about calls.
    /// </summary>
    public static IReadOnlyList<FunctionCallContent> ParseReasoning(string reasoning, IReadOnlySet<string> knownTools)
    {
        ArgumentNullException.ThrowIfNull(reasoning);
        ArgumentNullException.ThrowIfNull(knownTools);
        var closed = ClosedCall().Matches(reasoning).Select(m => m.Value)
            .Concat(Harmony().Matches(reasoning).Where(m => m.Value.EndsWith("<|call|>", StringComparison.Ordinal)).Select(m => m.Value));
        var calls = new List<FunctionCallContent>();
        foreach (var candidate in closed)
        {
            var (found, _) = Parse(candidate, knownTools);
            calls.AddRange(found.Where(c => knownTools.Contains(c.Name) && c.Exception is null));
        }

        for (var i = 0; i < calls.Count; i++)
        {
            var call = RawArguments.CreateCall("call_r" + (i + 1).ToString(CultureInfo.InvariantCulture), calls[i].Name, RawArguments.Get(calls[i]) ?? "{}");
            calls[i] = CallSource.Mark(call, "reasoning");
        }

        return calls;
    }

    private static bool TryArguments(string name, string json, List<FunctionCallContent> calls, IReadOnlySet<string> knownTools)
    {
        if (!knownTools.Contains(name) || !ToolCallArguments.IsJsonObject(json))
        {
            return false;
        }

        calls.Add(RawArguments.CreateCall(NextId(calls), name, json));
        return true;
    }

    private static bool TryJsonCall(string json, List<FunctionCallContent> calls, IReadOnlySet<string> knownTools, bool requireKnown)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("name", out var nameElement)
                || nameElement.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            var name = nameElement.GetString()!;
            if (requireKnown && !knownTools.Contains(name))
            {
                return false;
            }

            var raw = "{}";
            if (root.TryGetProperty("arguments", out var args) || root.TryGetProperty("parameters", out args))
            {
                raw = args.ValueKind == JsonValueKind.String ? args.GetString()! : args.GetRawText();
            }

            calls.Add(RawArguments.CreateCall(NextId(calls), name, raw));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string NextId(List<FunctionCallContent> calls) => "call_c" + (calls.Count + 1).ToString(CultureInfo.InvariantCulture);

    private static string TrimOneNewline(string value)
    {
        if (value.StartsWith('\n'))
        {
            value = value[1..];
        }

        if (value.EndsWith('\n'))
        {
            value = value[..^1];
        }

        return value;
    }

    private static string StringObject(Dictionary<string, string> values)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            foreach (var (k, v) in values)
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [GeneratedRegex(@"(?:<tool_call>\s*)?<function=(?<name>[^>\n]+)>(?<body>.*?)(?:</function>\s*(?:</tool_call>)?|\z)", RegexOptions.Singleline, 1000)]
    private static partial Regex QwenXml();

    [GeneratedRegex(@"<parameter=(?<name>[^>\n]+)>(?<value>.*?)(?:</parameter>|(?=<parameter=)|\z)", RegexOptions.Singleline, 1000)]
    private static partial Regex QwenParameter();

    [GeneratedRegex(@"<tool_call>\s*(?<json>\{.*?\})\s*(?:</tool_call>|\z)", RegexOptions.Singleline, 1000)]
    private static partial Regex Hermes();

    /// <summary>gpt-oss's harmony call: <c>to=functions.NAME &lt;|constrain|&gt;json&lt;|message|&gt;{…}&lt;|call|&gt;</c>.</summary>
    [GeneratedRegex(@"to=functions\.(?<name>[A-Za-z0-9_.\-]+)[^{<]*(?:<\|constrain\|>\s*json\s*)?<\|message\|>\s*(?<json>\{.*?\})\s*(?:<\|call\|>|\z)", RegexOptions.Singleline, 1000)]
    private static partial Regex Harmony();

    [GeneratedRegex(@"<tool_call>.*?</tool_call>", RegexOptions.Singleline, 1000)]
    private static partial Regex ClosedCall();

    [GeneratedRegex(@"```(?:json)?[ \t]*\n\s*(?<json>\{.*?\})\s*```", RegexOptions.Singleline, 1000)]
    private static partial Regex Fenced();
}
