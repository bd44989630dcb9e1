using System.Text.RegularExpressions;

namespace Sov.Core.Hooks;

/// <summary>
/// One hook from the person's config.toml (<c>[[hooks.EVENT]]</c>): the bash command to run, which tools it
/// concerns (<see cref="Matcher"/>: a regular expression matched against the whole tool name, <c>*</c> or nothing
/// for every tool), how long it may take before it is killed, and whether it runs in the sandbox (the default).
/// <see cref="Label"/> names it in warnings and the journal (<c>PreToolUse[0]</c>: the event and its place).
/// </summary>
public sealed record HookDefinition(HookEvent Event, string Command)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public string? Matcher { get; init; }

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    public bool Sandbox { get; init; } = true;

    public string Label { get; init; } = "";

    /// <summary>
    /// Whether the hook concerns a call of <paramref name="toolName"/> (always, for events without a tool): the matcher
    /// matches the whole name, or Claude Code's name for the same tool (<see cref="ClaudeToolNames"/>: <c>Bash</c> is <c>shell</c>).
    /// </summary>
    public bool Matches(string? toolName) =>
        toolName is null || Matcher is null or "" or "*" || Pattern(Matcher).IsMatch(toolName)
        || (ClaudeToolNames.Of(toolName) is { } claude && Pattern(Matcher).IsMatch(claude));

    /// <summary>The matcher as an anchored regular expression; throws <see cref="ArgumentException"/> when it is not one.</summary>
    public static Regex Pattern(string matcher) =>
        new($"^(?:{matcher})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
}
