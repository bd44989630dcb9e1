using Sov.Cli.Acp;
using Sov.Cli.Acp.Rpc;
using Sov.Cli.Acp.Wire;
using Sov.Core.Processes;
using Sov.Core.Tools;

namespace Sov.Tests.Cli.Acp;

/// <summary>
/// #18: the shell tool's runner in the editor's terminal: bash under <c>env -i</c> with only the sandbox's variables, in the
/// workspace; killed at its timeout and when the turn is interrupted; the editor's truncation said and our caps kept;
/// <c>terminal/release</c> sent whatever happened once a terminal exists; never reported as sandboxed.
/// </summary>
public sealed class EditorTerminalShellTests
{
    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal) { ["PATH"] = "/usr/bin:/bin", ["HOME"] = "/home/me" };

    private sealed class FakeTerminals : IEditorTerminals
    {
        public List<string> Calls { get; } = [];

        public (string Command, IReadOnlyList<string> Args, IReadOnlyList<NameValue> Env, string Cwd, long Limit)? Created { get; private set; }

        public bool Hangs { get; init; }

        public RpcException? CreateFails { get; init; }

        public RpcException? OutputFails { get; init; }

        public TerminalOutputResult Output { get; init; } = new("hello\n", false, new TerminalExitStatus(0, null));

        public TerminalExitStatus Exit { get; init; } = new(0, null);

        public Task<string> CreateAsync(string command, IReadOnlyList<string> args, IReadOnlyList<NameValue> env, string cwd, long outputByteLimit,
            CancellationToken cancellationToken)
        {
            Calls.Add("create");
            Created = (command, args, env, cwd, outputByteLimit);
            return CreateFails is { } e ? Task.FromException<string>(e) : Task.FromResult("t1");
        }

        public async Task<TerminalExitStatus> WaitForExitAsync(string terminalId, CancellationToken cancellationToken)
        {
            Calls.Add("wait_for_exit " + terminalId);
            if (Hangs)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return Exit;
        }

        public Task<TerminalOutputResult> OutputAsync(string terminalId, CancellationToken cancellationToken)
        {
            Calls.Add("output " + terminalId);
            return OutputFails is { } e ? Task.FromException<TerminalOutputResult>(e) : Task.FromResult(Output);
        }

        public Task KillAsync(string terminalId, CancellationToken cancellationToken)
        {
            Calls.Add("kill " + terminalId);
            return Task.CompletedTask;
        }

        public Task ReleaseAsync(string terminalId, CancellationToken cancellationToken)
        {
            Calls.Add("release " + terminalId);
            return Task.CompletedTask;
        }
    }

    private static EditorTerminalShell Shell(FakeTerminals editor, int head = 1000, int tail = 1000) => new(editor, Environment, head, tail);

    private static ShellRequest Request(TimeSpan? timeout = null) => new("echo hi && ls", "/work/ws", timeout ?? TimeSpan.FromSeconds(30));

    [Fact]
    public async Task RunsBashUnderEnvWithOnlyTheSandboxsVariablesAndReleasesTheTerminal()
    {
        var editor = new FakeTerminals();
        var result = await Shell(editor).RunAsync(Request(), TestContext.Current.CancellationToken);

        var created = editor.Created!.Value;
        Assert.Equal("/usr/bin/env", created.Command);
        Assert.Equal(["-i", "HOME=/home/me", "PATH=/usr/bin:/bin", "/bin/bash", "--noprofile", "--norc", "-c", "echo hi && ls"], created.Args);
        Assert.Equal(["HOME", "PATH"], created.Env.Select(v => v.Name));
        Assert.Equal("/work/ws", created.Cwd);
        Assert.Equal(2000, created.Limit);
        Assert.Equal(["create", "wait_for_exit t1", "output t1", "release t1"], editor.Calls);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("hello\n", result.Output);
        Assert.False(result.Sandboxed);
        Assert.False(result.TimedOut);
        Assert.Equal("editor-terminal", result.Runner);
        Assert.Contains("[UNSANDBOXED]", result.ForModel(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PastItsTimeoutTheCommandIsKilledAndReportedSo()
    {
        var editor = new FakeTerminals { Hangs = true, Output = new("partial", false, null) };
        var result = await Shell(editor).RunAsync(Request(TimeSpan.FromMilliseconds(50)), TestContext.Current.CancellationToken);
        Assert.True(result.TimedOut);
        Assert.Equal(["create", "wait_for_exit t1", "kill t1", "output t1", "release t1"], editor.Calls);
        Assert.Contains("timed out", result.ForModel(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInterruptedTurnKillsAndReleasesTheTerminal()
    {
        var editor = new FakeTerminals { Hangs = true };
        using var interrupt = new CancellationTokenSource();
        var running = Shell(editor).RunAsync(Request(), interrupt.Token);
        await interrupt.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Equal(["create", "wait_for_exit t1", "kill t1", "release t1"], editor.Calls);
    }

    [Fact]
    public async Task AnEditorThatCannotStartItIsAToolErrorAndNothingIsReleased()
    {
        var editor = new FakeTerminals { CreateFails = new RpcException(RpcCodes.InternalError, "no shell") };
        var e = await Assert.ThrowsAsync<ToolException>(() => Shell(editor).RunAsync(Request(), TestContext.Current.CancellationToken));
        Assert.Contains("no shell", e.Message, StringComparison.Ordinal);
        Assert.Equal(["create"], editor.Calls);
    }

    [Fact]
    public async Task AFailureAfterTheStartStillReleasesTheTerminal()
    {
        var editor = new FakeTerminals { OutputFails = new RpcException(RpcCodes.InternalError, "gone") };
        await Assert.ThrowsAsync<ToolException>(() => Shell(editor).RunAsync(Request(), TestContext.Current.CancellationToken));
        Assert.Equal("release t1", editor.Calls[^1]);
    }

    [Fact]
    public async Task TheEditorsTruncationIsSaidOurCapsKeptAndASignalNamed()
    {
        var text = new string('a', 50) + new string('b', 100) + new string('c', 50);
        var editor = new FakeTerminals { Output = new(text, true, null), Exit = new TerminalExitStatus(null, "SIGTERM") };
        var result = await Shell(editor, head: 50, tail: 50).RunAsync(Request(), TestContext.Current.CancellationToken);
        Assert.Equal(100, result.DroppedBytes);
        Assert.StartsWith("[the editor dropped the start of the output]\n" + new string('a', 50) + "\n[... 100 bytes dropped ...]\n" + new string('c', 50), result.Output, StringComparison.Ordinal);
        Assert.EndsWith("[ended by signal SIGTERM]", result.Output, StringComparison.Ordinal);
        Assert.Equal(-1, result.ExitCode);
    }
}
