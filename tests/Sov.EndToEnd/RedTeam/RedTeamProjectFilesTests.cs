using Sov.EndToEnd.Interactive;
using Sov.TestKit;
using Sov.TestKit.Model;

namespace Sov.EndToEnd.RedTeam;

/// <summary>
/// Issue #12 item 2: project files Sovereign reads on its own at start went around the file border.
/// `ln -s /etc/shadow AGENTS.md` (or any fallback name) sent the real file to the model in the system prompt,
/// read-only mode too, nothing asked; a sandboxed command can make such a link for the next session to follow.
/// The same for `.sov/commands/NAME.md`, sent as the person's message behind `/NAME`. Each case: the canary
/// outside the workspace (or behind a read deny rule) never reaches the scripted server, and the person is told.
/// </summary>
public sealed class RedTeamProjectFilesTests : IAsyncDisposable
{
    private const string Canary = "PROJECT-FILES-CANARY";

    private readonly DirectoryInfo _outside = Directory.CreateTempSubdirectory("sov-redteam-pf-outside-");

    public RedTeamProjectFilesTests() => File.WriteAllText(OutsideFile, Canary + " /etc/shadow stand-in\n");

    private string OutsideFile => Path.Combine(_outside.FullName, "shadow");

    public static TheoryData<string> InstructionNames => ["AGENTS.md", "CLAUDE.md", "QWEN.md", "GEMINI.md"];

    [Theory]
    [MemberData(nameof(InstructionNames))]
    public async Task ASymlinkedInstructionsFileLeadingOutIsRefused(string name)
    {
        await using var h = await ExecHarness.StartAsync();
        File.CreateSymbolicLink(Path.Combine(h.Workspace.FullName, name), OutsideFile);
        var home = Directory.CreateDirectory(Path.Combine(_outside.FullName, "home")).FullName;

        await AssertNotSentAsync(h, $"refused {name}: it is a symlink", home);

        var journal = string.Concat(Directory.EnumerateFiles(Path.Combine(home, "journal"), "*.jsonl").Select(File.ReadAllText));
        Assert.Contains($"\"type\":\"project_file\",", journal, StringComparison.Ordinal);
        Assert.Contains($"\"path\":\"{name}\",\"status\":\"refused\"", journal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASymlinkedSovFolderLeadingOutIsRefused()
    {
        await using var h = await ExecHarness.StartAsync();
        Directory.CreateDirectory(Path.Combine(_outside.FullName, "commands"));
        File.WriteAllText(Path.Combine(_outside.FullName, "config.toml"), $"instructions = \"{Canary}\"\n");
        Directory.CreateSymbolicLink(Path.Combine(h.Workspace.FullName, ".sov"), _outside.FullName);

        await AssertNotSentAsync(h, "Ignored .sov/config.toml: refused .sov/config.toml");
    }

    [Fact]
    public async Task AnInstructionsFileAboveTheWorkspaceLinkedOutOfTheRepositoryIsRefused()
    {
        await using var h = await ExecHarness.StartAsync();
        Directory.CreateDirectory(Path.Combine(h.Workspace.FullName, ".git"));
        var sub = Directory.CreateDirectory(Path.Combine(h.Workspace.FullName, "sub")).FullName;
        File.CreateSymbolicLink(Path.Combine(h.Workspace.FullName, "AGENTS.md"), OutsideFile);
        h.Server.Enqueue(ScriptedResponse.Text("done"));

        var result = await SovRun.RunAsync(
            ["exec", "--endpoint", h.Server.BaseUrl.ToString(), "--model", "scripted-model", "--mode", "read-only", "hello"],
            workingDirectory: sub, timeout: TimeSpan.FromSeconds(60), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        AssertNeverSent(h);
        Assert.Contains("refused", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkToAFileAReadDenyRuleHoldsBackIsRefusedAndAnAskRuleHoldsItBack()
    {
        await using var h = await ExecHarness.StartAsync();
        h.WriteFile("secrets/key.txt", Canary + " key\n");
        File.CreateSymbolicLink(Path.Combine(h.Workspace.FullName, "AGENTS.md"), "secrets/key.txt");
        var home = Directory.CreateDirectory(Path.Combine(_outside.FullName, "home")).FullName;
        File.WriteAllText(Path.Combine(home, "config.toml"), "[permissions]\ndeny = [\"read:secrets/**\"]\n");

        await AssertNotSentAsync(h, "refused AGENTS.md: reading secrets/key.txt matches deny rule 'read:secrets/**'", home);

        File.WriteAllText(Path.Combine(home, "config.toml"), "[permissions]\nask = [\"read:secrets/**\"]\n");
        await AssertNotSentAsync(h, "did not read AGENTS.md: reading secrets/key.txt matches ask rule", home);
    }

    [Fact]
    public async Task AHardLinkToAFileOutsideIsRefused()
    {
        await using var h = await ExecHarness.StartAsync();
        var agents = Path.Combine(h.Workspace.FullName, "AGENTS.md");
        Assert.SkipUnless(Link(OutsideFile, agents) == 0, "the temp folders are on different file systems");

        await AssertNotSentAsync(h, "refused AGENTS.md: it has 2 hard links");
    }

    [Fact]
    public async Task AFifoNamedAgentsMdDoesNotHangTheStart()
    {
        await using var h = await ExecHarness.StartAsync();
        Assert.Equal(0, Mkfifo(Path.Combine(h.Workspace.FullName, "AGENTS.md"), 0x180));

        var result = await RunAsync(h);

        Assert.Contains("refused AGENTS.md: it is a FIFO", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHugeAgentsMdIsCappedAndSaysSo()
    {
        await using var h = await ExecHarness.StartAsync();
        h.WriteFile("AGENTS.md", string.Concat(Enumerable.Repeat("Be thorough. ", 200_000)) + Canary);

        await AssertNotSentAsync(h, "read AGENTS.md only in part");
        Assert.All(h.Server.ChatRequests, r => Assert.True(r.BodyBytes < 100_000, $"a request of {r.BodyBytes} bytes"));
    }

    [Fact]
    public async Task ACustomCommandLinkedOutIsNotSentBehindItsName()
    {
        await using var h = await TerminalHarness.StartAsync();
        Directory.CreateDirectory(Path.Combine(h.Workspace.FullName, ".sov", "commands"));
        File.CreateSymbolicLink(Path.Combine(h.Workspace.FullName, ".sov", "commands", "leak.md"), OutsideFile);
        var t = await h.OpenAsync();
        await t.WaitForTextAsync("custom command: refused .sov/commands/leak.md");

        await t.TypeLineAsync("/leak");

        await t.WaitForTextAsync("/leak was not sent");
        Assert.DoesNotContain(h.Server.Requests, r => r.Body.Contains(Canary, StringComparison.Ordinal));
    }

    public ValueTask DisposeAsync()
    {
        _outside.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private static async Task<SovResult> RunAsync(ExecHarness h, string? sovHome = null)
    {
        h.Server.Enqueue(ScriptedResponse.Text("done"));
        var result = await h.ExecAsync(["--mode", "read-only", "hello"], sovHome: sovHome);
        Assert.Equal(0, result.ExitCode);
        return result;
    }

    /// <summary>Runs sov exec; the canary never reaches the server, and the warning says <paramref name="said"/>.</summary>
    private static async Task AssertNotSentAsync(ExecHarness h, string said, string? sovHome = null)
    {
        var result = await RunAsync(h, sovHome);
        AssertNeverSent(h);
        Assert.Contains(said, result.Stderr, StringComparison.Ordinal);
    }

    private static void AssertNeverSent(ExecHarness h)
    {
        Assert.NotEmpty(h.Server.ChatRequests);
        Assert.DoesNotContain(h.Server.Requests, r => r.Body.Contains(Canary, StringComparison.Ordinal));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "link")]
    private static extern int Link(string existing, string created);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo")]
    private static extern int Mkfifo(string path, int mode);
}
