using Sov.Core.Agent.Permission;
using Sov.Core.Audit.Records;
using Sov.Core.Permissions;
using Sov.Core.Secrets;

namespace Sov.Core.Audit;

/// <summary>
/// Journals every tool call at the moment it is decided, before it runs: name, arguments (redacted),
/// the decision, and who decided: <c>rule</c> with the rule's text when a configured (or session) rule did,
/// else what the inner gate says or <paramref name="decidedBy"/> (<c>mode</c>); an <c>ask</c> decision is the
/// person's, and its outcome shows in the <c>approval</c> and <c>tool_result</c> records. Deny wins: the inner
/// gate's decision is passed on unchanged.
/// </summary>
public sealed class JournalingPermissionGate(IPermissionGate inner, Journal journal, Redactor redactor, string decidedBy) : IPermissionGate
{
    public async ValueTask<PermissionDecision> CheckAsync(ToolCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decision = await inner.CheckAsync(request, cancellationToken).ConfigureAwait(false);
        var verdict = decision.Verdict switch
        {
            Verdict.Allow => "allow",
            Verdict.Deny => "deny",
            _ => "ask",
        };
        var ask = decision.Verdict == Verdict.Ask;
        journal.Append(new ToolCallRecord(request.CallId, request.Tool.Name, redactor.Redact(request.RawArguments).Text, verdict,
            ask ? "person" : decision.DecidedBy ?? decidedBy)
        {
            Rule = decision.Rule is null ? null : redactor.Redact(decision.Rule).Text,
            Source = request.Source,
        });
        return decision;
    }
}
