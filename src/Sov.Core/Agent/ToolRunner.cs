using System.Text.Json;
using Microsoft.Extensions.AI;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Permission;
using Sov.Core.Files;
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

        var request = new ToolCallRequest(call.CallId, tool, arguments, raw);
        var decision = await permissions.CheckAsync(request, cancellationToken).ConfigureAwait(false);
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

        try
        {
            return await tool.ExecuteAsync(arguments, ContextFor(call.CallId, tool.Name), cancellationToken).ConfigureAwait(false);
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
