using Sov.Cli.Borders;
using Sov.Core.Agent;
using Sov.Core.Agent.Permission;
using Sov.Core.Audit;

namespace Sov.Cli.Session;

/// <summary>
/// What both front doors (<c>sov exec</c> and the interactive terminal) wire the same way once the agent is
/// prepared and the borders are up: the writing tools join the read-only ones and report their file writes and
/// shell commands to the session journal; every tool call is journaled as it is decided by the caller's gate;
/// the tools see the workspace with the read rules applied; the journal sink is the event stream's fourth consumer.
/// </summary>
internal static class SessionWiring
{
    public static (AgentSession Session, JournalEventSink Sink) Build(PreparedAgent agent, SessionBorders borders, IPermissionGate gate)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(borders);
        foreach (var tool in borders.Services.Tools())
        {
            agent.Tools.Add(tool);
        }

        borders.Services.Record = record => agent.Journal.Journal.Append(record);
        var journaled = new JournalingPermissionGate(gate, agent.Journal.Journal, agent.Journal.Redactor, "mode");
        var session = new AgentSession(agent.Client, agent.Tools, borders.ToolContext(), journaled, agent.Options);
        return (session, new JournalEventSink(agent.Journal.Journal, agent.Model));
    }
}
