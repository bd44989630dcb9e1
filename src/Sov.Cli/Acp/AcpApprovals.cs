using Sov.Cli.Acp.Rpc;
using Sov.Cli.Acp.Wire;
using Sov.Cli.Interactive;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Submissions;
using Sov.Core.Text;
using Sov.Core.Tools.Effects;

namespace Sov.Cli.Acp;

/// <summary>
/// Every approval the session asks (a tool call the policy asks about, a command that would run unsandboxed, hidden
/// characters in a write) becomes <c>session/request_permission</c>: the call's title, whether it runs in the sandbox,
/// the reason and the revealed text, and the choices allow once, allow always (only for a tool call the policy asked
/// about: it adds the narrowest rule, as the terminal's "always" does) and reject. No answer, a cancelled prompt or an
/// answer that is not one of the choices is a refusal.
/// </summary>
internal sealed class AcpApprovals(string sessionId, InteractivePermissionGate gate, AcpUpdates updates, RpcConnection connection)
{
    public const string AllowOnce = "allow_once";
    public const string AllowAlways = "allow_always";
    public const string Reject = "reject_once";

    /// <summary>A plan (plan mode, #17) is approved with the mode that carries it out: ask before each change, or auto-edit.</summary>
    public const string PlanThenAsk = "plan_then_ask";
    public const string PlanThenAutoEdit = "plan_then_auto_edit";

    /// <summary>True when commands run in the editor's terminal (#18): the question says so, as it says UNSANDBOXED.</summary>
    public bool EditorTerminal { get; init; }

    /// <summary>Asks the editor and returns the answer to submit.</summary>
    public async Task<Submission> AskAsync(ApprovalRequested ask, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var request = Request(ask);
        string? chosen;
        try
        {
            var answer = await connection.RequestAsync("session/request_permission", request, AcpJson.Default.RequestPermissionParams,
                AcpJson.Default.RequestPermissionResult, cancellationToken).ConfigureAwait(false);
            chosen = answer.Outcome is { Outcome: "selected", OptionId: { } id } && request.Options.Any(o => o.OptionId == id) ? id : null;
        }
        catch (Exception e) when (e is OperationCanceledException or RpcException)
        {
            chosen = null;
        }

        switch (chosen)
        {
            case AllowOnce:
                return new Approve(ask.CallId);
            case AllowAlways:
                gate.AllowAlways(ask.CallId);
                return new Approve(ask.CallId);
            case PlanThenAsk:
                return new Approve(ask.CallId, "ask");
            case PlanThenAutoEdit:
                return new Approve(ask.CallId, "auto-edit");
            default:
                return new Deny(ask.CallId, chosen == Reject ? "the person rejected it in the editor" : "the permission question was cancelled");
        }
    }

    /// <summary>The question for <paramref name="ask"/>: title, kind and file as the tool call has them, the reason, the text revealed.</summary>
    public RequestPermissionParams Request(ApprovalRequested ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var asked = gate.Asked(ask.CallId);
        var effect = asked?.Effect ?? updates.EffectOf(ask.Name, ask.Arguments);
        var unsandboxed = ask.Kind == ApprovalKind.UnsandboxedCommand || asked?.Unsandboxed == true;
        var title = AcpUpdates.Title(ask.Name, effect) + ask.Kind switch
        {
            ApprovalKind.HiddenText => " (the text holds hidden characters)",
            _ when effect is RunCommand && unsandboxed && EditorTerminal => " (UNSANDBOXED: runs in your editor's terminal, outside the sandbox)",
            _ when effect is RunCommand => unsandboxed ? " (UNSANDBOXED: runs outside the sandbox)" : " (in the sandbox)",
            _ => "",
        };
        var body = $"{ask.Reason}\n\n{ask.Arguments}";
        List<PermissionOption> options = ask.Kind == ApprovalKind.Plan
            ? [new(PlanThenAsk, "Approve the plan; ask before each change", "allow_once"), new(PlanThenAutoEdit, "Approve the plan; edit without asking", "allow_once")]
            : [new(AllowOnce, "Allow once", "allow_once")];
        if (ask.Kind == ApprovalKind.ToolCall && asked is { Rules.Count: > 0 })
        {
            options.Add(new(AllowAlways, TerminalText.Line("Always allow: " + string.Join(", ", asked.Rules)), "allow_always"));
        }

        options.Add(new(Reject, ask.Kind == ApprovalKind.Plan ? "Keep planning" : "Reject", "reject_once"));
        var call = new ToolCallProgress(ask.CallId, "pending", [new ToolCallContent("content", new ContentBlock("text", TerminalText.Safe(body)))],
            TerminalText.Line(title), AcpUpdates.Kind(effect), updates.Locations(effect));
        return new RequestPermissionParams(sessionId, call, options);
    }
}
