using Sov.Cli.Interactive.Slash;
using Sov.Cli.Terminal;
using Sov.Core.Files;
using Sov.Core.Permissions;

namespace Sov.Cli.Interactive;

/// <summary>What the terminal session shows first: version, model, mode, workspace, session id, and every warning of its start.</summary>
internal static class SessionBanner
{
    public static void Print(SlashContext session, IEnumerable<string> warnings)
    {
        var (surface, agent) = (session.Surface, session.Agent);
        surface.WriteLine($"Sovereign {VersionInfo.Version}", Style.Accent);
        surface.WriteLine($"model {agent.Model} at {agent.BaseUrl} · mode {session.Gate.Mode.Name()}", Style.Dim);
        surface.WriteLine($"workspace {agent.Workspace.Root} · session {session.Store.Id}", Style.Dim);
        foreach (var file in agent.Instructions.Files)
        {
            surface.WriteLine(file.Status == ProjectFileStatus.Read ? $"instructions from {file.Display}" : "⚠ instructions: " + file.Note,
                file.Status == ProjectFileStatus.Read ? Style.Dim : Style.Warning);
        }

        foreach (var note in session.Custom.NotRead.Select(f => "custom command: " + f.Note).Prepend(agent.Instructions.CutNote).OfType<string>())
        {
            surface.WriteLine("⚠ " + note, Style.Warning);
        }

        foreach (var (file, finding) in agent.Instructions.Findings)
        {
            surface.WriteLine(
                $"⚠ hidden characters in {file}:{finding.Line}:{finding.Column}: {finding.CodePointText} {finding.Category} ({finding.Severity}) — {finding.Message}",
                Style.Warning);
        }

        if (agent.Instructions.Findings.Count > 0)
        {
            surface.WriteLine("  They reach the model only as visible markers, never hidden.", Style.Warning);
        }

        foreach (var warning in warnings)
        {
            surface.WriteLine("⚠ " + TerminalSafe.Line(warning), Style.Warning);
        }

        if (session.Store.InterruptedNote is not null)
        {
            surface.WriteLine("The last turn of this session was interrupted; the model is told so, and which files it changed, with your next prompt.", Style.Dim);
        }

        surface.WriteLine("/help for commands · Enter sends, Alt+Enter or \\ adds a line · Ctrl-C interrupts · Ctrl-D exits", Style.Dim);
    }

    /// <summary>The row after each turn: model, mode, context in use of the window, tokens this session.</summary>
    public static void Status(SlashContext session)
    {
        var meter = session.Meter;
        session.Surface.WriteLine(
            $"─ {session.Agent.Model} · {session.Gate.Mode.Name()} · context {meter.Used()}/{ContextMeter.Tokens(meter.Window)} ({meter.Percent()}) · session {ContextMeter.Tokens(session.View.SessionTokens)} tokens",
            Style.Dim);
    }
}
