using Sov.EndToEnd.RedTeam;
using Sov.TestKit;

namespace Sov.EndToEnd;

/// <summary>An edit, a write and a shell change made by one sov exec turn, undone by <c>sov undo</c>.</summary>
public sealed class UndoEndToEndTests
{
    [Fact]
    public async Task UndoRestoresAnEditAWriteAndAShellChange()
    {
        await using var w = await RedTeamWorld.StartAsync();
        w.Harness.WriteFile("src/edit.txt", "alpha\nbeta\n");
        w.Harness.WriteFile("src/shell.txt", "shell before\n");
        var result = await w.AttackAsync("full-auto",
            ("edit_file", new { path = "src/edit.txt", old_string = "beta", new_string = "BETA" }),
            ("write_file", new { path = "src/new.txt", content = "created\n" }),
            ("shell", new { command = "echo 'shell after' > src/shell.txt && echo made > src/by-shell.txt" }));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("alpha\nBETA\n", File.ReadAllText(Path.Combine(w.Workspace, "src", "edit.txt")));
        Assert.Equal("shell after\n", File.ReadAllText(Path.Combine(w.Workspace, "src", "shell.txt")));

        var undo = await SovRun.RunAsync(["undo"], sovHome: w.SovHome, workingDirectory: w.Workspace,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, undo.ExitCode);
        Assert.Equal("alpha\nbeta\n", File.ReadAllText(Path.Combine(w.Workspace, "src", "edit.txt")));
        Assert.Equal("shell before\n", File.ReadAllText(Path.Combine(w.Workspace, "src", "shell.txt")));
        Assert.False(File.Exists(Path.Combine(w.Workspace, "src", "new.txt")));
        Assert.False(File.Exists(Path.Combine(w.Workspace, "src", "by-shell.txt")));
        Assert.Contains("restored  src/edit.txt", undo.Stdout, StringComparison.Ordinal);
        Assert.Contains("removed   src/new.txt", undo.Stdout, StringComparison.Ordinal);
        Assert.Contains("restored  src/shell.txt", undo.Stdout, StringComparison.Ordinal);
        w.AssertUntouched();
    }
}
