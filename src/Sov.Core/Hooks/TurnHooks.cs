using Sov.Core.Agent.Events;

namespace Sov.Core.Hooks;

/// <summary>
/// The hooks as one agent loop asks them around its turns (#17): <c>SessionStart</c> once, before the first prompt
/// (its context goes with that prompt); <c>UserPromptSubmit</c> before each prompt (a block ends the turn before the
/// model is asked; context is added to the prompt); <c>Stop</c> when the model answers without calls (a block sends
/// the reason back as a message, at most <see cref="MaxStopBlocks"/> times a turn). What the person should know is
/// emitted as warnings.
/// </summary>
public sealed class TurnHooks(SessionHooks hooks, Action<AgentEvent> emit)
{
    /// <summary>How often Stop hooks may send the model back to work in one turn (a hook that always blocks cannot loop forever).</summary>
    public const int MaxStopBlocks = 3;

    private bool _started;
    private int _stopBlocks;

    /// <summary>The prompt as the model will get it (with the hooks' context), or why a hook blocked it.</summary>
    public async Task<(string? Prompt, string? Blocked)> BeforeTurnAsync(string prompt, bool resumed, CancellationToken cancellationToken)
    {
        _stopBlocks = 0;
        var context = "";
        if (!_started)
        {
            _started = true;
            if (hooks.Has(HookEvent.SessionStart))
            {
                context = Told(await hooks.SessionStartAsync(resumed ? "resume" : "startup", cancellationToken).ConfigureAwait(false)).ContextBlock(HookEvent.SessionStart);
            }
        }

        if (hooks.Has(HookEvent.UserPromptSubmit))
        {
            var submitted = Told(await hooks.UserPromptSubmitAsync(prompt, cancellationToken).ConfigureAwait(false));
            if (submitted.Blocked)
            {
                return (null, $"A UserPromptSubmit hook blocked the prompt: {submitted.Reason}");
            }

            context += submitted.ContextBlock(HookEvent.UserPromptSubmit);
        }

        return (prompt + context, null);
    }

    /// <summary>The message that sends the model back to work when a Stop hook blocked the stop; null to stop.</summary>
    public async Task<string?> StopAsync(string lastMessage, CancellationToken cancellationToken)
    {
        if (!hooks.Has(HookEvent.Stop))
        {
            return null;
        }

        var outcome = Told(await hooks.StopAsync(lastMessage, _stopBlocks > 0, cancellationToken).ConfigureAwait(false));
        if (!outcome.Blocked)
        {
            return null;
        }

        if (_stopBlocks >= MaxStopBlocks)
        {
            emit(new Warning($"A Stop hook blocked the stop {MaxStopBlocks + 1} times in one turn; the turn ends anyway."));
            return null;
        }

        _stopBlocks++;
        return $"[Stop hook] Do not stop yet: {outcome.Reason}";
    }

    private HookOutcome Told(HookOutcome outcome)
    {
        foreach (var warning in outcome.Warnings)
        {
            emit(new Warning(warning));
        }

        return outcome;
    }
}
