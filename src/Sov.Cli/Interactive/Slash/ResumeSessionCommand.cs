using Sov.Cli.Terminal;
using Sov.Core.Sessions;

namespace Sov.Cli.Interactive.Slash;

/// <summary><c>/resume</c> lists the workspace's sessions; <c>/resume ID</c> saves this one and reopens as <c>sov --resume ID</c>
/// (returns the exit code that ends this one), so each session keeps its one id and journal (#14).</summary>
internal sealed class ResumeSessionCommand : ISlashCommand
{
    public IReadOnlyList<string> Names { get; } = ["resume"];

    public Task<int?> RunAsync(SlashContext session, string arguments, CancellationToken cancellationToken)
    {
        var surface = session.Surface;
        var sessions = SessionFile.List(session.Context.Paths.SessionsDir, session.Agent.Workspace.Root);
        if (arguments.Length == 0)
        {
            foreach (var s in sessions.Take(10))
            {
                surface.WriteLine($"  {s.Id}  {s.Messages,4} messages  {s.FirstPrompt}");
            }

            surface.WriteLine("/resume ID switches to one of them.", Style.Dim);
            return Task.FromResult<int?>(null);
        }

        var found = sessions.FirstOrDefault(s => s.Id == arguments);
        if (found is null || found.Id == session.Store.Id)
        {
            surface.WriteLine(found is null ? $"No session {arguments} in this workspace. /resume lists them." : $"Session {arguments} is the one open.", Style.Warning);
            return Task.FromResult<int?>(null);
        }

        return Task.FromResult<int?>(session.Turns.SwitchTo(found.Id));
    }
}
