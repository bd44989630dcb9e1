using System.Buffers;
using System.Text;
using System.Text.Json;
using Sov.Core.Audit;
using Sov.Core.Audit.Records;
using Sov.Core.Text;

namespace Sov.Core.Hooks;

/// <summary>
/// The person's hooks for one session (#17): for each event, the hooks it has run one after another, each given a
/// JSON document on stdin in the shape Claude Code's hooks read (<c>session_id</c>, <c>cwd</c>, <c>hook_event_name</c>,
/// <c>permission_mode</c>, and per event <c>tool_name</c>/<c>tool_input</c>/<c>tool_response</c>, <c>prompt</c>,
/// <c>source</c>, <c>stop_hook_active</c>); the first to block ends the event. Every run is journaled
/// (<see cref="HookRunRecord"/>). What a hook says to the model crosses the text border. The hooks come from the
/// person's own config only (a project cannot add them); the agent loop asks them only after the permission rules,
/// so a hook can block a call but never let a denied one run.
/// </summary>
public sealed class SessionHooks(IReadOnlyList<HookDefinition> hooks, IHookProcess process, HookSession session, Action<IJournalRecord>? record)
{
    public IReadOnlyList<HookDefinition> Hooks { get; } = hooks;

    public bool Has(HookEvent hookEvent) => Hooks.Any(h => h.Event == hookEvent);

    public Task<HookOutcome> SessionStartAsync(string source, CancellationToken cancellationToken) =>
        RunAsync(HookEvent.SessionStart, null, w => w.WriteString("source", source), cancellationToken);

    public Task<HookOutcome> UserPromptSubmitAsync(string prompt, CancellationToken cancellationToken) =>
        RunAsync(HookEvent.UserPromptSubmit, null, w => w.WriteString("prompt", prompt), cancellationToken);

    /// <param name="rawArguments">The call's arguments as the model sent them (valid JSON: the loop parsed them).</param>
    public Task<HookOutcome> PreToolUseAsync(string tool, string rawArguments, CancellationToken cancellationToken) =>
        RunAsync(HookEvent.PreToolUse, tool, w => ToolInput(w, tool, rawArguments), cancellationToken);

    public Task<HookOutcome> PostToolUseAsync(string tool, string rawArguments, string output, bool isError, CancellationToken cancellationToken) =>
        RunAsync(HookEvent.PostToolUse, tool, w =>
        {
            ToolInput(w, tool, rawArguments);
            w.WriteStartObject("tool_response");
            w.WriteString("output", output);
            w.WriteBoolean("is_error", isError);
            w.WriteEndObject();
        }, cancellationToken);

    public Task<HookOutcome> StopAsync(string lastMessage, bool stopHookActive, CancellationToken cancellationToken) =>
        RunAsync(HookEvent.Stop, null, w =>
        {
            w.WriteBoolean("stop_hook_active", stopHookActive);
            w.WriteString("last_assistant_message", lastMessage);
        }, cancellationToken);

    private async Task<HookOutcome> RunAsync(HookEvent hookEvent, string? tool, Action<Utf8JsonWriter> fields, CancellationToken cancellationToken)
    {
        var context = new List<string>();
        var warnings = new List<string>();
        foreach (var hook in Hooks.Where(h => h.Event == hookEvent && h.Matches(tool)))
        {
            var result = await process.RunAsync(hook, Input(hookEvent, fields), cancellationToken).ConfigureAwait(false);
            var answer = HookAnswer.From(hookEvent, hook, result);
            record?.Invoke(new HookRunRecord(hook.Label, hook.Command, HookEvents.Name(hookEvent), tool, result.Sandboxed,
                result.TimedOut || result.Failure is not null ? null : result.ExitCode, (long)result.Duration.TotalMilliseconds, answer.DecisionName));
            if (answer.Context is { } added)
            {
                context.Add(TextBorder.Reveal(added));
            }

            if (answer.Blocks)
            {
                var reason = TextBorder.Reveal(answer.Reason ?? $"hook {hook.Label} blocked it");
                warnings.Add($"Hook {hook.Label} ({HookEvents.Name(hookEvent)}{(tool is null ? "" : " " + tool)}) blocked: {reason}");
                return new HookOutcome(true, reason, context, warnings);
            }

            if (answer.Decision is HookDecision.Error or HookDecision.Timeout)
            {
                warnings.Add(TextBorder.Reveal(answer.Reason!) + "; going on.");
            }
        }

        return new HookOutcome(false, null, context, warnings);
    }

    private string Input(HookEvent hookEvent, Action<Utf8JsonWriter> fields)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("session_id", session.SessionId);
            w.WriteString("cwd", session.Cwd);
            w.WriteString("hook_event_name", HookEvents.Name(hookEvent));
            w.WriteString("permission_mode", session.PermissionMode);
            fields(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void ToolInput(Utf8JsonWriter w, string tool, string rawArguments)
    {
        w.WriteString("tool_name", tool);
        w.WritePropertyName("tool_input");
        try
        {
            using var doc = JsonDocument.Parse(rawArguments);
            doc.RootElement.WriteTo(w);
        }
        catch (JsonException)
        {
            w.WriteStartObject();
            w.WriteEndObject();
        }
    }
}
