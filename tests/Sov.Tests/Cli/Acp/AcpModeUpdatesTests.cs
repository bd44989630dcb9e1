using Sov.Borders.FileSystem;
using Sov.Cli.Acp;
using Sov.Cli.Acp.Wire;
using Sov.Core.Agent.Events;
using Sov.Core.Files;
using Sov.Core.Tools;
using Sov.Core.Tools.Editing;

namespace Sov.Tests.Cli.Acp;

/// <summary>#18: a mode the session switches to itself (a plan approved with the mode that carries it out) reaches the editor as current_mode_update.</summary>
public sealed class AcpModeUpdatesTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("sov-acp-modes-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void AModeChangeBecomesTheCurrentMode()
    {
        var updates = new AcpUpdates(ToolRegistry.ReadOnlyBuiltIns(), new Workspace(_root.FullName, new NativeFileSystem()), new TodoList());
        var update = Assert.IsType<CurrentModeUpdate>(Assert.Single(updates.Of(new ModeChanged("auto-edit", "plan"))));
        Assert.Equal("auto-edit", update.CurrentModeId);
    }
}
