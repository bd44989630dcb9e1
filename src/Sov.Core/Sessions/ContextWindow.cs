namespace Sov.Core.Sessions;

/// <summary>
/// How many tokens a model's context holds: the configured value if any, else a default for common
/// Qwen families (native windows, without YaRN scaling), else 32k. Compaction starts at 80 %.
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

        var name = model.ToLowerInvariant();
        var slash = name.LastIndexOf('/');
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        foreach (var (prefix, tokens) in Defaults)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return tokens;
            }
        }

        return Unknown;
    }

    public static bool ShouldCompact(long? usedTokens, int window) => usedTokens is { } used && used >= window * CompactAt;
}
