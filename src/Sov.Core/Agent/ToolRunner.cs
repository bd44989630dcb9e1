using System.Text.Json;
using Microsoft.Extensions.AI;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Permission;
using Sov.Core.Files;
using Sov.Core.Hooks;
using Sov.Core.Models;
using Sov.Core.Permissions;
using Sov.Core.Text;
using Sov.Core.Tools;

namespace Sov.Core.Agent;

/// <summary>
/// Runs one tool call: finds the tool, coerces the arguments by its schema, asks the permission hook,
/// executes. Every failure becomes an error result for the model; none escapes except cancellation.
/// </summary>
internal sealed class ToolRunner(ToolRegistry tools, ToolContext context, IPermissionGate permissions)
{
    /// <summary>
    /// Asks the person (emits the <see cref="ApprovalRequested"/>, waits for Approve or Deny): for Ask verdicts, and for what a
    /// running tool asks through <see cref="ToolContext.AskAsync"/>. Null: nobody can be asked, so nothing is approved.
    /// </summary>
    public Func<ApprovalRequested, CancellationToken, Task<(bool Approved, string? Reason)>>? AskAsync { get; init; }

    public Action<AgentEvent>? Emit { get; init; }

    /// <summary>Hands a plan over for approval for the call with the given id (<c>exit_plan</c>, #17); null: no plans taken.</summary>
    public Func<string, string, CancellationToken, Task<Tools.Planning.PlanAnswer>>? ProposePlanAsync { get; init; }

    /// <summary>Learns the secret values in every tool output (see <see cref="AgentOptions.Secrets"/>).</summary>
    public Secrets.SecretMemory? Secrets { get; init; }

    /// <summary>The person's hooks (#17): PreToolUse after the permission rules, PostToolUse after the call.</summary>
    public SessionHooks? Hooks { get; init; }

    public bool IsReadOnly(FunctionCallContent call) => tools.Find(call.Name)?.IsReadOnly == true;

    /// <summary>
    /// Runs the call; the output crosses the text border on its way to the model: hidden Unicode
    /// and control sequences in files or tool output are revealed, never passed on invisibly.
    /// </summary>
    public async Task<ToolOutput> RunAsync(FunctionCallContent call, CancellationToken cancellationToken)
    {
        var output = await RunUncheckedAsync(call, cancellationToken).ConfigureAwait(false);
        Secrets?.LearnFromToolOutput(RawArguments.Get(call) ?? "{}", output.Text);
        var revealed = TextBorder.Reveal(output.Text);
        return ReferenceEquals(revealed, output.Text) ? output : output with { Text = revealed };
    }

    /// <summary>The tool context for one call: what the tool asks the person is an approval of that call.</summary>
    private ToolContext ContextFor(string callId, string name)
    {
        var forCall = ProposePlanAsync is { } propose ? context with { ProposePlanAsync = (plan, token) => propose(callId, plan, token) } : context;
        if (AskAsync is not { } ask)
        {
            return forCall with { CallId = callId };
        }

        return forCall with
        {
            CallId = callId,
            AskAsync = async (kind, reason, shown, cancellationToken) =>
                (await ask(new ApprovalRequested(callId, name, shown, reason, kind), cancellationToken).ConfigureAwait(false)).Approved,
        };
    }

    private async Task<ToolOutput> RunUncheckedAsync(FunctionCallContent call, CancellationToken cancellationToken)
    {
        var tool = tools.Find(call.Name);
        if (tool is null)
        {
            return ToolOutput.Error($"Unknown tool '{call.Name}'. Available: {string.Join(", ", tools.All.Select(t => t.Name))}.");
        }

        var raw = RawArguments.Get(call) ?? "{}";
        if (call.Exception is not null)
        {
            return ToolOutput.Error($"The arguments are not valid JSON ({PlainErrors.Describe(call.Exception)}). Call {tool.Name} again with a JSON object matching its schema.");
        }

        ToolArguments arguments;
        try
        {
            using var doc = JsonDocument.Parse(raw);
            arguments = ArgumentCoercer.Coerce(tool.Schema, doc.RootElement);
        }
        catch (ToolException e)
        {
            return ToolOutput.Error(e.Message);
        }
        catch (JsonException e)
        {
            return ToolOutput.Error($"The arguments are not valid JSON ({PlainErrors.Describe(e)}).");
        }

        var request = new ToolCallRequest(call.CallId, tool, arguments, raw) { Source = CallSource.Get(call) };
        var decision = await permissions.CheckAsync(request, cancellationToken).ConfigureAwait(false);
        if (decision.Verdict != Verdict.Deny && Hooks is { } hooks)
        {
            // #17: asked only after the rules, so a hook may block a call but never let a denied one run.
            var hooked = Told(await hooks.PreToolUseAsync(tool.Name, raw, cancellationToken).ConfigureAwait(false));
            decision = hooked.Blocked ? PermissionDecision.Deny($"a PreToolUse hook blocked it: {hooked.Reason}") : decision;
        }

        if (decision.Verdict == Verdict.Ask)
        {
            var kind = decision.Unsandboxed ? ApprovalKind.UnsandboxedCommand : ApprovalKind.ToolCall;
            var (approved, why) = AskAsync is null ? (false, null)
                : await AskAsync(new ApprovalRequested(call.CallId, tool.Name, raw, decision.Explanation, kind), cancellationToken).ConfigureAwait(false);
            decision = approved
                ? PermissionDecision.Allow("the person approved")
                : PermissionDecision.Deny(AskAsync is null ? decision.Explanation : why is { Length: > 0 } ? $"the person declined: {why}" : "the person declined");
        }

        if (decision.Verdict != Verdict.Allow)
        {
            Emit?.Invoke(new Warning($"Denied {tool.Name}: {decision.Explanation}."));
            return ToolOutput.Error($"{ToolOutput.DeniedPrefix}{decision.Explanation}. Do not retry this call; continue without it or explain what you need.");
        }

        var output = await ExecuteAsync(tool, arguments, call.CallId, cancellationToken).ConfigureAwait(false);
        if (Hooks is not { } after || !after.Has(HookEvent.PostToolUse))
        {
            return output;
        }

        var post = Told(await after.PostToolUseAsync(tool.Name, raw, output.Text, output.IsError, cancellationToken).ConfigureAwait(false));
        var note = (post.Blocked ? $"\n\n[PostToolUse hook: {post.Reason}]" : "") + post.ContextBlock(HookEvent.PostToolUse);
        return note.Length == 0 ? output : output with { Text = output.Text + note };
    }

    /// <summary>Tells the person what the hooks said that they should know (blocks, errors, timeouts).</summary>
    private HookOutcome Told(HookOutcome outcome)
    {
        foreach (var warning in outcome.Warnings)
        {
            Emit?.Invoke(new Warning(warning));
        }

        return outcome;
    }

    private async Task<ToolOutput> ExecuteAsync(ITool tool, ToolArguments arguments, string callId, CancellationToken cancellationToken)
    {
        try
        {
            return await tool.ExecuteAsync(arguments, ContextFor(callId, tool.Name), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ToolException or WorkspaceException or IOException or UnauthorizedAccessException)
        {
            return ToolOutput.Error(PlainErrors.Describe(e)); // never a .NET resource key (#13.8)
        }
#pragma warning disable CA1031 // Tools are extensible: a bug in one is reported to the model, it does not end the session.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return ToolOutput.Error($"{tool.Name} failed unexpectedly ({PlainErrors.Describe(e)}).");
        }
    }
}
