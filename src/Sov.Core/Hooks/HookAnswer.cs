using System.Globalization;
using System.Text.Json;

namespace Sov.Core.Hooks;

/// <summary>
/// What one hook said, read as Claude Code's hooks answer: by exit code (0 go on, 2 block with stderr as the reason,
/// anything else a non-blocking error) or, on exit 0, by a JSON object on stdout: <c>decision</c> (<c>block</c> or
/// <c>approve</c>), <c>reason</c>, <c>continue: false</c> with <c>stopReason</c>, <c>additionalContext</c>, and the
/// same inside <c>hookSpecificOutput</c> (<c>permissionDecision</c> <c>deny</c>/<c>allow</c>/<c>ask</c>,
/// <c>permissionDecisionReason</c>). Plain stdout of a <c>SessionStart</c> or <c>UserPromptSubmit</c> hook is added
/// context. A <c>PreToolUse</c> hook that could not run or ran out of time blocks its call (fail closed).
/// </summary>
public sealed record HookAnswer(HookDecision Decision, string? Reason, string? Context)
{
    /// <summary>The most characters of a reason or context that reach the model.</summary>
    public const int MaxTextChars = 8_000;

    public bool Blocks => Decision == HookDecision.Block
        || (Decision is HookDecision.Error or HookDecision.Timeout && Reason is not null && FailsClosed);

    /// <summary>Set for <c>PreToolUse</c>: a hook that could not answer keeps the call from running.</summary>
    public bool FailsClosed { get; init; }

    public string DecisionName => Decision switch
    {
        HookDecision.GoOn => "go_on",
        HookDecision.Block => "block",
        HookDecision.Approve => "approve",
        HookDecision.Error => "error",
        _ => "timeout",
    };

    public static HookAnswer From(HookEvent hookEvent, HookDefinition hook, HookProcessResult result)
    {
        ArgumentNullException.ThrowIfNull(hook);
        ArgumentNullException.ThrowIfNull(result);
        var failsClosed = hookEvent == HookEvent.PreToolUse;
        if (result.Failure is { } failure)
        {
            return new HookAnswer(HookDecision.Error, $"hook {hook.Label} could not run: {failure}", null) { FailsClosed = failsClosed };
        }

        if (result.TimedOut)
        {
            var seconds = hook.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return new HookAnswer(HookDecision.Timeout, $"hook {hook.Label} did not answer within {seconds} s and was killed", null) { FailsClosed = failsClosed };
        }

        if (result.ExitCode == 2)
        {
            var stderr = Cap(result.Stderr.Trim());
            return new HookAnswer(HookDecision.Block, stderr.Length > 0 ? stderr : $"hook {hook.Label} blocked it (exit 2)", null);
        }

        if (result.ExitCode != 0)
        {
            var first = result.Stderr.Trim().Split('\n')[0];
            return new HookAnswer(HookDecision.Error, $"hook {hook.Label} exited with {result.ExitCode.ToString(CultureInfo.InvariantCulture)}" + (first.Length > 0 ? ": " + Cap(first) : ""), null);
        }

        var stdout = result.Stdout.Trim();
        if (stdout.StartsWith('{') && Json(stdout) is { } answer)
        {
            return answer;
        }

        var plainContext = hookEvent is HookEvent.SessionStart or HookEvent.UserPromptSubmit && stdout.Length > 0 ? Cap(stdout) : null;
        return new HookAnswer(HookDecision.GoOn, null, plainContext);
    }

    private static HookAnswer? Json(string stdout)
    {
        try
        {
            using var doc = JsonDocument.Parse(stdout);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var specific = root.TryGetProperty("hookSpecificOutput", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
            var decision = Text(root, "decision") switch
            {
                "block" or "deny" => HookDecision.Block,
                "approve" or "allow" => HookDecision.Approve,
                _ => Text(specific, "permissionDecision") switch
                {
                    "deny" => HookDecision.Block,
                    "allow" => HookDecision.Approve,
                    _ => HookDecision.GoOn,
                },
            };
            var reason = Text(root, "reason") ?? Text(specific, "permissionDecisionReason");
            if (root.TryGetProperty("continue", out var go) && go.ValueKind == JsonValueKind.False)
            {
                decision = HookDecision.Block;
                reason ??= Text(root, "stopReason");
            }

            var context = Text(specific, "additionalContext") ?? Text(root, "additionalContext");
            return new HookAnswer(decision, reason is null ? null : Cap(reason), context is null ? null : Cap(context));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Cap(string text) => text.Length <= MaxTextChars ? text : text[..MaxTextChars] + " [cut]";
}
