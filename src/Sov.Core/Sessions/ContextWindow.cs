using System.Text;
using Microsoft.Extensions.AI;

namespace Sov.Core.Sessions;

/// <summary>
/// How many tokens a model's context holds: the configured value if any, else a default for common
/// Qwen families (native windows, without YaRN scaling), else 32k. Compaction starts at 80 %, measured by the
/// server's usage figures, or estimated from the conversation when the server reports none.
/// </summary>
public static class ContextWindow
{
    public const int Unknown = 32_768;
    public const double CompactAt = 0.8;

    private static readonly (string Prefix, int Tokens)[] Defaults =
    [
        ("qwen3-coder", 262_144),
        ("qwen3-next", 262_144),
        ("qwen3-235b", 131_072),
        ("qwen3", 32_768),
        ("qwq", 131_072),
        ("qwen2.5-coder", 32_768),
        ("qwen2.5", 32_768),
        ("deepseek-coder-v2", 131_072),
        ("deepseek-v3", 131_072),
        ("gpt-oss", 131_072),
        ("glm-4.5", 131_072),
        ("devstral", 131_072),
        ("codestral", 32_768),
        ("llama-3.1", 131_072),
        ("llama3.1", 131_072),
    ];

    public static int For(string model, int? configured = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (configured is > 0)
        {
            return configured.Value;
        }

        return Family(model)?.Tokens ?? Unknown;
    }

    /// <summary>Whether <paramref name="model"/> belongs to a family whose native window is known here.</summary>
    public static bool IsKnown(string model) => Family(model) is not null;

    private static (string Prefix, int Tokens)? Family(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var name = model.ToLowerInvariant();
        var slash = name.LastIndexOf('/');
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        foreach (var family in Defaults)
        {
            if (name.StartsWith(family.Prefix, StringComparison.Ordinal))
            {
                return family;
            }
        }

        return null;
    }

    public static bool ShouldCompact(long? usedTokens, int window) => usedTokens is { } used && used >= window * CompactAt;

    /// <summary>
    /// Tokens the conversation would take, for servers that report no usage: its UTF-8 bytes over three, which
    /// over-counts English and code a little (about 3.5 to 4 bytes a token) and counts CJK text about right (one
    /// character, three bytes, a token), so compaction comes early rather than late.
    /// </summary>
    public static long Estimate(IEnumerable<ChatMessage> history, string? instructions)
    {
        ArgumentNullException.ThrowIfNull(history);
        long bytes = instructions is null ? 0 : Encoding.UTF8.GetByteCount(instructions);
        foreach (var message in history)
        {
            foreach (var content in message.Contents)
            {
                bytes += content switch
                {
                    TextContent text => Encoding.UTF8.GetByteCount(text.Text),
                    TextReasoningContent reasoning => Encoding.UTF8.GetByteCount(reasoning.Text),
                    FunctionCallContent call => Encoding.UTF8.GetByteCount(call.Name) + JsonSize(call.Arguments),
                    FunctionResultContent result => Encoding.UTF8.GetByteCount(result.Result?.ToString() ?? ""),
                    _ => 0,
                };
            }

            bytes += 12; // role and framing
        }

        return (bytes + 2) / 3;
    }

    private static long JsonSize(IDictionary<string, object?>? arguments) =>
        arguments is null ? 2 : arguments.Sum(a => Encoding.UTF8.GetByteCount(a.Key) + Encoding.UTF8.GetByteCount(a.Value?.ToString() ?? "") + 6);
}
