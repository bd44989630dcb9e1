using Sov.Core.Agent.Permission;
using Sov.Core.Audit.Records;
using Sov.Core.Secrets;

namespace Sov.Core.Audit;

/// <summary>
/// Journals every tool call at the moment it is decided, before it runs: name, arguments (redacted),
/// the decision, and who decided (<paramref name="decidedBy"/>: <c>mode</c> for a mode such as headless,
/// <c>rule</c> for a configured rule; an <c>ask</c> decision is then the person's, and its outcome shows in
/// the <c>tool_result</c>). Deny wins: the inner gate's decision is passed on unchanged.
/// </summary>
public sealed class JournalingPermissionGate(IPermissionGate inner, Journal journal, Redactor redactor, string decidedBy) : IPermissionGate
{
    public async ValueTask<PermissionDecision> CheckAsync(ToolCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decision = await inner.CheckAsync(request, cancellationToken).ConfigureAwait(false);
        var verdict = decision.Verdict switch
        {
            PermissionVerdict.Allow => "allow",
            PermissionVerdict.Deny => "deny",
            _ => "ask",
        };
        journal.Append(new ToolCallRecord(request.CallId, request.Tool.Name, redactor.Redact(request.RawArguments).Text, verdict,
            decision.Verdict == PermissionVerdict.Ask ? "person" : decidedBy));
        return decision;
    }
}
