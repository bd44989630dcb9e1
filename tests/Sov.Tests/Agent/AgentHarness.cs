using Sov.Borders.FileSystem;
using Sov.Core.Agent;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Permission;
using Sov.Core.Agent.Submissions;
using Sov.Core.Files;
using Sov.Core.Tools;
using Sov.Tests.Models;

namespace Sov.Tests.Agent;

/// <summary>An agent session over a temporary workspace, the real model client and the scripted server.</summary>
internal sealed class AgentHarness : IAsyncDisposable
{
    private AgentHarness(ModelClientFixture model, DirectoryInfo workspace, AgentSession session)
    {
        Model = model;
        Workspace = workspace;
        Session = session;
    }

    public ModelClientFixture Model { get; }

    public DirectoryInfo Workspace { get; }

    public AgentSession Session { get; }

    /// <param name="build">Tools and undo over the harness's workspace (they need it), instead of <paramref name="tools"/>.</param>
    /// <param name="gateFor">A gate over the harness's workspace, instead of <paramref name="gate"/>; when it also keeps the mode (#17), the session uses it so.</param>
    public static async Task<AgentHarness> StartAsync(ToolRegistry? tools = null, IPermissionGate? gate = null, AgentOptions? options = null,
        Sov.Core.Models.ModelClientOptions? clientOptions = null, Func<Workspace, (ToolRegistry Tools, SessionUndo? Undo)>? build = null, IEventSink? sink = null,
        Func<Workspace, IPermissionGate>? gateFor = null)
    {
        var model = await ModelClientFixture.StartAsync(clientOptions);
        var workspace = Directory.CreateTempSubdirectory("sov-agent-");
        var files = new Workspace(workspace.FullName, new NativeFileSystem());
        var (built, undo) = build?.Invoke(files) ?? (tools ?? ToolRegistry.ReadOnlyBuiltIns(), null);
        gate = gateFor?.Invoke(files) ?? gate ?? new HeadlessPermissionGate();
        var session = new AgentSession(
            model.Client,
            built,
            new ToolContext(files),
            gate,
            options ?? new AgentOptions { Instructions = "test prompt" },
            undo,
            sink,
            gate as IPermissionModes);
        return new AgentHarness(model, workspace, session);
    }

    public void WriteFile(string relative, string content)
    {
        var path = Path.Combine(Workspace.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>Submits a turn and collects its events up to and including TurnCompleted.</summary>
    public Task<List<AgentEvent>> RunAsync(string prompt, Action<AgentEvent, AgentSession>? onEvent = null) => SubmitAsync(new UserTurn(prompt), onEvent);

    /// <summary>Submits an operation and collects its events up to and including the one that ends it.</summary>
    public async Task<List<AgentEvent>> SubmitAsync(Submission submission, Action<AgentEvent, AgentSession>? onEvent = null)
    {
        Session.Submit(submission);
        var events = new List<AgentEvent>();
        await foreach (var e in Session.Events.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            events.Add(e);
            onEvent?.Invoke(e, Session);
            if (e is TurnCompleted or CompactCompleted or UndoCompleted or RewindCompleted)
            {
                break;
            }
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await Model.DisposeAsync();
        Workspace.Delete(recursive: true);
    }
}
