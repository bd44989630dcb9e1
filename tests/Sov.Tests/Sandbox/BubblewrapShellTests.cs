using System.Net;
using System.Net.Sockets;
using Sov.Borders.Sandbox;

namespace Sov.Tests.Sandbox;

/// <summary>The process border against real bubblewrap: each test runs hostile commands and checks the world afterwards.</summary>
public sealed class BubblewrapShellTests : IDisposable
{
    private readonly SandboxWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task RunsCommandsInTheWorkspaceAndWritesThere()
    {
        var result = await _world.RunAsync("echo hello > made.txt && pwd && cat made.txt");
        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Sandboxed);
        Assert.Contains(_world.Workspace, result.Output, StringComparison.Ordinal);
        Assert.Equal("hello\n", File.ReadAllText(Path.Combine(_world.Workspace, "made.txt")));
    }

    // Shell writing outside the workspace; sibling-prefix escape (Claude Code CVE-2025-54794).
    [Fact]
    public async Task WritesOutsideTheWorkspaceFail()
    {
        var outside = Path.Combine(_world.Outside, "pwned");
        var sibling = Path.Combine(_world.Sibling, "pwned");
        var result = await _world.RunAsync($"echo x > {outside}; echo x > {sibling}; echo x > ../proj-evil/p2; touch {_world.Home}/p3");
        Assert.False(File.Exists(outside));
        Assert.False(File.Exists(sibling));
        Assert.False(File.Exists(Path.Combine(_world.Sibling, "p2")));
        Assert.False(File.Exists(Path.Combine(_world.Home, "p3")));
        // Read-only root; or, when the checkout itself lives under /tmp, the sandbox's private /tmp hides it.
        Assert.Matches("Read-only file system|No such file or directory", result.Output);
    }

    [Fact]
    public async Task HostTmpIsUntouched()
    {
        var name = "/tmp/sov-canary-" + Guid.NewGuid().ToString("n");
        var result = await _world.RunAsync($"echo x > {name} && cat {name}");
        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(name));
    }

    // Network from the shell: curl, wget, python, bash /dev/tcp to a canary on 127.0.0.1 gets nothing.
    [Fact]
    public async Task NoNetworkReachesACanaryListener()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var attempts = new List<string> { $"exec 3<>/dev/tcp/127.0.0.1/{port} && echo CANARY >&3" };
            if (File.Exists("/usr/bin/curl"))
            {
                attempts.Add($"curl -sS -m 5 http://127.0.0.1:{port}/ -d CANARY");
            }

            if (File.Exists("/usr/bin/wget"))
            {
                attempts.Add($"wget -q -T 5 -O- http://127.0.0.1:{port}/");
            }

            if (File.Exists("/usr/bin/python3"))
            {
                attempts.Add($"python3 -c 'import socket; s=socket.create_connection((\"127.0.0.1\", {port}), 5); s.sendall(b\"CANARY\")'");
            }

            foreach (var attempt in attempts)
            {
                var result = await _world.RunAsync(attempt);
                Assert.NotEqual(0, result.ExitCode);
                Assert.False(listener.Pending(), $"the canary saw a connection from: {attempt}");
            }
        }
        finally
        {
            listener.Stop();
        }
    }

    // Unix sockets are reachable through read-only mounts and across network namespaces (a docker.sock
    // escape); the sandbox hides /run, where they live.
    [Fact]
    public async Task UnixSocketsUnderRunAreHidden()
    {
        var path = $"/run/sov-canary-{Guid.NewGuid():n}.sock";
        Socket listener;
        try
        {
            listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(path));
        }
        catch (SocketException)
        {
            Assert.Skip("/run is not writable for this user, so no canary socket can be placed there.");
            return;
        }

        try
        {
            listener.Listen();
            var result = await _world.RunAsync($"ls {path}; exec 3<>/dev/null; python3 -c 'import socket; s=socket.socket(socket.AF_UNIX); s.connect(\"{path}\"); s.sendall(b\"x\")'");
            Assert.NotEqual(0, result.ExitCode);
            Assert.False(listener.Poll(0, SelectMode.SelectRead), "the canary socket got a connection");
        }
        finally
        {
            listener.Dispose();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task HomeSecretsAreMasked()
    {
        var result = await _world.RunAsync("cat ~/.ssh/id_ed25519 ~/.aws/credentials ~/.netrc; ls -a ~/.ssh; echo k > ~/.ssh/new");
        Assert.DoesNotContain("CANARY", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_world.Home, ".ssh", "new")));
    }

    // Read rules hold back files the shell would otherwise read freely in full-auto (left out of #5).
    [Fact]
    public async Task PathsReadRulesHoldBackAreMaskedFilesAndFolders()
    {
        Directory.CreateDirectory(Path.Combine(_world.Workspace, "secrets", "deep"));
        File.WriteAllText(Path.Combine(_world.Workspace, "secrets", "deep", "k"), "CANARY folder");
        File.WriteAllText(Path.Combine(_world.Workspace, ".env"), "CANARY file");
        File.WriteAllText(Path.Combine(_world.Workspace, "ok.txt"), "visible");
        var masks = new[] { Path.Combine(_world.Workspace, "secrets"), Path.Combine(_world.Workspace, ".env") };
        var result = await _world.Shell.RunAsync(
            new Core.Processes.ShellRequest("cat .env secrets/deep/k ok.txt; ls -a secrets; grep -r CANARY .; rm -f .env; echo x > secrets/new", _world.Workspace, TimeSpan.FromSeconds(30)) { Masks = masks },
            TestContext.Current.CancellationToken);
        Assert.DoesNotContain("CANARY", result.Output, StringComparison.Ordinal);
        Assert.Contains("visible", result.Output, StringComparison.Ordinal);
        Assert.Equal("CANARY file", File.ReadAllText(Path.Combine(_world.Workspace, ".env")));
        Assert.False(File.Exists(Path.Combine(_world.Workspace, "secrets", "new")));
    }

    // Review finding: a mask inside a folder already masked (~/.ssh) or on a dangling link made bubblewrap
    // fail for every command (or create the link's missing target on the host).
    [Fact]
    public async Task MasksInsideMaskedFoldersAndOnDanglingLinksAreHarmless()
    {
        var dangling = Path.Combine(_world.Workspace, ".env");
        var missingTarget = Path.Combine(_world.Workspace, "nowhere", "target");
        File.CreateSymbolicLink(dangling, missingTarget);
        var masks = new[] { Path.Combine(_world.Home, ".ssh", "id_ed25519"), dangling };
        var result = await _world.Shell.RunAsync(
            new Core.Processes.ShellRequest("echo still-running", _world.Workspace, TimeSpan.FromSeconds(30)) { Masks = masks },
            TestContext.Current.CancellationToken);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("still-running", result.Output, StringComparison.Ordinal);
        Assert.False(Path.Exists(missingTarget));
    }

    // Agents rewriting git hooks/config or their own settings to run code later (Copilot CVE-2025-53773,
    // Claude Code CVE-2026-25725, Cursor CVE-2026-26268).
    [Fact]
    public async Task ProtectedPathsStayUnchangedAndAbsentOnesCannotBeCreated()
    {
        var git = Directory.CreateDirectory(Path.Combine(_world.Workspace, ".git", "hooks")).Parent!.FullName;
        File.WriteAllText(Path.Combine(git, "config"), "[core]\n");
        File.WriteAllText(Path.Combine(git, "HEAD"), "ref: refs/heads/main\n");
        Directory.CreateDirectory(Path.Combine(_world.Workspace, ".VSCode"));
        var result = await _world.RunAsync(
            "echo '[core] fsmonitor=id' >> .git/config; echo 'id' > .git/hooks/pre-commit; rm -rf .git/hooks; " +
            "mkdir -p .sov && echo 'mode=\"full-auto\"' > .sov/config.toml; echo x > .gitmodules; echo '{}' > .VSCode/tasks.json; " +
            "mkdir .idea; echo ok > .git/HEAD.new");
        Assert.Equal("[core]\n", File.ReadAllText(Path.Combine(git, "config")));
        Assert.False(File.Exists(Path.Combine(git, "hooks", "pre-commit")));
        Assert.True(Directory.Exists(Path.Combine(git, "hooks")));
        Assert.False(Path.Exists(Path.Combine(_world.Workspace, ".sov")));
        Assert.False(Path.Exists(Path.Combine(_world.Workspace, ".gitmodules")));
        Assert.False(Path.Exists(Path.Combine(_world.Workspace, ".idea")));
        Assert.False(File.Exists(Path.Combine(_world.Workspace, ".VSCode", "tasks.json")));
        // The whole of .git is read-only (#11: HEAD, refs, info/attributes and commondir make git run code too).
        Assert.False(File.Exists(Path.Combine(git, "HEAD.new")), result.Output);
    }

    [Fact]
    public async Task TheEnvironmentIsOnlyTheAllowList()
    {
        var result = await _world.RunAsync("env");
        var names = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=')[0]).ToHashSet();
        names.ExceptWith(["PWD", "SHLVL", "_"]);
        Assert.Equal(new HashSet<string> { "PATH", "HOME", "LANG" }, names);
    }

    [Fact]
    public async Task LongOutputKeepsHeadAndTailAndCountsTheRest()
    {
        var result = await _world.RunAsync("echo START; head -c 1000000 /dev/zero | tr '\\0' x; echo; echo END");
        Assert.StartsWith("START", result.Output, StringComparison.Ordinal);
        Assert.EndsWith("END\n", result.Output, StringComparison.Ordinal);
        Assert.InRange(result.DroppedBytes, 1_000_000 - 2 * 12 * 1024, 1_000_000);
        Assert.Contains($"{result.DroppedBytes} bytes dropped", result.Output, StringComparison.Ordinal);
        Assert.True(result.Output.Length < 30_000);
    }

    [Fact]
    public async Task ATimeoutKillsTheCommandAndEverythingItStarted()
    {
        var result = await _world.RunAsync("sleep 300 & sleep 300", seconds: 1);
        Assert.True(result.TimedOut);
        Assert.True(result.Duration < TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task BackgroundProcessesDieWithTheCommand()
    {
        var result = await _world.RunAsync("(sleep 300 &) ; echo done");
        Assert.Equal(0, result.ExitCode);
        Assert.False(result.TimedOut);
    }

    [Fact]
    public async Task TheProbeReportsAWorkingSandbox()
    {
        var status = await SandboxProbe.CheckAsync(_world.Settings, TestContext.Current.CancellationToken);
        Assert.True(status.Available, status.Detail);
        var missing = await SandboxProbe.CheckAsync(_world.Settings with { BubblewrapPath = "/nonexistent/bwrap" }, TestContext.Current.CancellationToken);
        Assert.False(missing.Available);
        Assert.Contains("apt-get install bubblewrap", missing.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void TheProfileIsExactlyTheDocumentedOne()
    {
        var argv = SandboxProfile.Build(_world.Settings, _world.Workspace, "true").Argv;
        var joined = string.Join(' ', argv);
        Assert.StartsWith("/bin/sh -c ", joined, StringComparison.Ordinal); // the trampoline handing bubblewrap the seccomp filter
        joined = joined[joined.IndexOf(SandboxSettings.DefaultBubblewrap, StringComparison.Ordinal)..];
        Assert.StartsWith($"{SandboxSettings.DefaultBubblewrap} --ro-bind / / --dev /dev --proc /proc --tmpfs /tmp --tmpfs /run --bind {_world.Workspace} {_world.Workspace}", joined, StringComparison.Ordinal);
        Assert.EndsWith("--unshare-net --unshare-user --unshare-ipc --unshare-pid --new-session --die-with-parent --cap-drop ALL --seccomp 3 --chdir " + _world.Workspace + " -- /bin/bash --noprofile --norc -c true", joined, StringComparison.Ordinal);
        Assert.Contains($"--tmpfs {_world.Home}/.ssh --remount-ro {_world.Home}/.ssh", joined, StringComparison.Ordinal);
        Assert.Contains($"--ro-bind /dev/null {_world.Home}/.netrc", joined, StringComparison.Ordinal);
    }
}
