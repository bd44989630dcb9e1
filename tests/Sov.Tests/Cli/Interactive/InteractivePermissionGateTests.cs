using Sov.Borders.FileSystem;
using Sov.Cli.Interactive;
using Sov.Core.Agent.Permission;
using Sov.Core.Files;
using Sov.Core.Permissions;
using Sov.Core.Tools;
using Sov.Core.Tools.Mcp;
using Sov.Tests.Files;
using Sov.Tests.Permissions;
using Sov.Tests.Tools;

namespace Sov.Tests.Cli.Interactive;

// Issue #12 item 3: answering "a" to one read_file added `allow read_file:*`, after which a read of .env that the
// person's `ask = ["read:**/.env*"]` should have asked about was allowed silently; the same whole-tool grant for
// write_file, edit_file and MCP tools. "Always" now adds the narrowest rule and never overrides deny or ask rules.
public sealed class InteractivePermissionGateTests : IDisposable
{
    private readonly TempTree _tree = new();
    private int _calls;

    public void Dispose() => _tree.Dispose();

    [Fact]
    public async Task AlwaysOnAReadOutsideAllowsThatPathOnlyAndNeverSilencesAnAskRule()
    {
        var gate = Gate(PermissionMode.Ask, ask: ["read:**/.env*"]);
        var secret = Path.Combine(_tree.Outside, "secret.txt");

        var (first, added) = await Always(gate, Read, new() { ["path"] = secret });

        Assert.Equal(Verdict.Ask, first);
        Assert.Equal($"added rule for this session: allow read:{secret}", added);
        Assert.Equal(Verdict.Allow, await VerdictOf(gate, Read, new() { ["path"] = secret }));
        Assert.Equal(Verdict.Ask, await VerdictOf(gate, Read, new() { ["path"] = Path.Combine(_tree.Outside, "other.txt") }));
        Assert.Equal(Verdict.Ask, await VerdictOf(gate, Read, new() { ["path"] = ".env" }));
    }

    [Fact]
    public async Task AlwaysUnderAConfiguredAskRuleApprovesOnceAndAddsNothing()
    {
        var gate = Gate(PermissionMode.Ask, ask: ["read:**/.env*", "write:deploy/**", "mcp:github/*"]);

        foreach (var (tool, args) in new (ITool, Dictionary<string, object>)[]
        {
            (Read, new() { ["path"] = ".env" }),
            (Write, new() { ["path"] = "deploy/prod.yaml" }),
            (Mcp("create_issue"), []),
        })
        {
            var (first, added) = await Always(gate, tool, args);
            Assert.Equal(Verdict.Ask, first);
            Assert.StartsWith("approved once; no rule added", added, StringComparison.Ordinal);
            Assert.Contains("ask rule", added, StringComparison.Ordinal);
            Assert.Equal(Verdict.Ask, await VerdictOf(gate, tool, args));
        }
    }

    [Fact]
    public async Task AlwaysOnAWriteAllowsThatFileOnly()
    {
        var gate = Gate(PermissionMode.Ask);

        var (_, added) = await Always(gate, Write, new() { ["path"] = "src/a.cs" });

        Assert.Equal("added rule for this session: allow write:src/a.cs", added);
        Assert.Equal(Verdict.Allow, await VerdictOf(gate, Write, new() { ["path"] = "src/a.cs" }));
        Assert.Equal(Verdict.Allow, await VerdictOf(gate, Edit, new() { ["path"] = "src/a.cs" }));
        Assert.Equal(Verdict.Ask, await VerdictOf(gate, Write, new() { ["path"] = "src/b.cs" }));
        Assert.Equal(Verdict.Ask, await VerdictOf(gate, Edit, new() { ["path"] = "README.md" }));
    }

    [Fact]
    public async Task AGrantIsMatchedExactlyNeverAsAGlob()
    {
        var gate = Gate(PermissionMode.Ask);

        await Always(gate, Write, new() { ["path"] = "src/*.cs" });

        Assert.Equal(Verdict.Ask, await VerdictOf(gate, Write, new() { ["path"] = "src/a.cs" }));
    }

    [Fact]
    public async Task AlwaysOnAShellCommandAllowsThatCommandOnly()
    {
        var gate = Gate(PermissionMode.Ask);

        var (_, added) = await Always(gate, Shell, new() { ["command"] = "make build" });

        Assert.Equal("added rule for this session: allow shell:make build", added);
        Assert.Equal(Verdict.Allow, await VerdictOf(gate, Shell, new() { ["command"] = "make build" }));
        Assert.Equal(Verdict.Ask, await VerdictOf(gate, Shell, new() { ["command"] = "make build; rm -rf src" }));
        Assert.Equal(Verdict.Ask, await VerdictOf(gate, Shell, new() { ["command"] = "make" }));
    }

    [Fact]
    public async Task AlwaysOnAnMcpToolAllowsThatToolOnly()
    {
        var gate = Gate(PermissionMode.Ask);

        var (_, added) = await Always(gate, Mcp("create_issue"), []);

        Assert.Equal("added rule for this session: allow mcp:github/create_issue", added);
        Assert.Equal(Verdict.Allow, await VerdictOf(gate, Mcp("create_issue"), []));
        Assert.Equal(Verdict.Ask, await VerdictOf(gate, Mcp("delete_repo"), []));
    }

    [Fact]
    public async Task AGrantNeverOverridesADenyRuleOrAStricterMode()
    {
        var gate = Gate(PermissionMode.Ask, deny: ["shell:rm *"]);

        await Always(gate, Write, new() { ["path"] = "a.txt" });
        var (rm, added) = await Always(gate, Shell, new() { ["command"] = "rm -rf src" });
        Assert.Null(gate.SwitchMode(PermissionMode.ReadOnly));

        Assert.Equal(Verdict.Deny, rm);
        Assert.StartsWith("approved once (no rule added", added, StringComparison.Ordinal);
        Assert.Equal(Verdict.Deny, await VerdictOf(gate, Write, new() { ["path"] = "a.txt" }));
    }

    [Fact]
    public async Task ThePromptNamesTheRuleBeforeTheAnswerOnOneInertLine()
    {
        var gate = Gate(PermissionMode.Ask, ask: ["read:**/.env*"]);
        var write = Request(Write, new() { ["path"] = "src/a.cs" });
        var shell = Request(Shell, new() { ["command"] = "echo hi\n┌ shell needs your approval\e[2J" });
        var env = Request(Read, new() { ["path"] = ".env" });
        foreach (var call in new[] { write, shell, env })
        {
            await gate.CheckAsync(call, TestContext.Current.CancellationToken);
        }

        Assert.Equal("[a]lways: allow write:src/a.cs", gate.AlwaysChoice(write.CallId));
        Assert.DoesNotContain('\n', gate.AlwaysChoice(shell.CallId));
        Assert.DoesNotContain('\e', gate.AlwaysChoice(shell.CallId));
        Assert.DoesNotContain('\n', gate.AllowAlways(shell.CallId));
        Assert.StartsWith("[a]lways: only once here", gate.AlwaysChoice(env.CallId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGrantIsHandedToTheJournalOnce()
    {
        var gate = Gate(PermissionMode.Ask);
        var call = Request(Write, new() { ["path"] = "a.txt" });
        await gate.CheckAsync(call, TestContext.Current.CancellationToken);

        gate.AllowAlways(call.CallId);

        Assert.Equal("allow write:a.txt", gate.TakeGranted(call.CallId));
        Assert.Null(gate.TakeGranted(call.CallId));
    }

    private ITool Read => Tool("read_file");
    private ITool Write => Tool("write_file");
    private ITool Edit => Tool("edit_file");
    private ITool Shell => Tool("shell");

    private ITool Tool(string name) => SessionTools.For(new Workspace(_tree.Root, new NativeFileSystem())).Find(name)!;

    private static McpTool Mcp(string tool) => new(new FakeServer(), new McpToolInfo(tool, "", System.Text.Json.JsonDocument.Parse("{}").RootElement));

    // Review of #20: the policy's max_mode capped the starting mode only; /mode, Shift+Tab, a plan's approval and ACP's
    // session/set_mode all switch through SwitchMode, which let the session go to full-auto past the cap.
    [Fact]
    public void NoSwitchGoesPastTheManagedPolicysCap()
    {
        var workspace = new Workspace(_tree.Root, new NativeFileSystem());
        var policy = new PermissionPolicy(PermissionMode.Ask, PermissionRules.Parse([], [], []), sandboxAvailable: true) { MaxMode = PermissionMode.AutoEdit };
        var gate = new InteractivePermissionGate(new PolicyPermissionGate(policy, workspace, headless: false), workspace);

        Assert.Contains("at most auto-edit", gate.SwitchMode(PermissionMode.FullAuto), StringComparison.Ordinal);
        Assert.Equal(PermissionMode.Ask, gate.Mode);
        Assert.Null(gate.SwitchMode(PermissionMode.AutoEdit));
        Assert.Null(gate.SwitchMode(PermissionMode.Plan));
        Assert.NotNull(gate.SwitchMode(PermissionMode.FullAuto));
        Assert.Equal(PermissionMode.Plan, gate.Mode);
    }

    private InteractivePermissionGate Gate(PermissionMode mode, string[]? ask = null, string[]? deny = null)
    {
        var workspace = new Workspace(_tree.Root, new NativeFileSystem());
        var policy = new PermissionPolicy(mode, PermissionRules.Parse([], ask, deny), sandboxAvailable: true);
        return new InteractivePermissionGate(new PolicyPermissionGate(policy, workspace, headless: false), workspace);
    }

    private ToolCallRequest Request(ITool tool, Dictionary<string, object> args) =>
        new($"call-{++_calls}", tool, new ToolArguments(args), "{}");

    private async Task<Verdict> VerdictOf(InteractivePermissionGate gate, ITool tool, Dictionary<string, object> args) =>
        (await gate.CheckAsync(Request(tool, args), TestContext.Current.CancellationToken)).Verdict;

    /// <summary>Checks a call and answers "always" to it, as the approval prompt does.</summary>
    private async Task<(Verdict First, string Added)> Always(InteractivePermissionGate gate, ITool tool, Dictionary<string, object> args)
    {
        var request = Request(tool, args);
        var decision = await gate.CheckAsync(request, TestContext.Current.CancellationToken);
        return (decision.Verdict, gate.AllowAlways(request.CallId));
    }

    private sealed class FakeServer : IMcpServer
    {
        public string Name => "github";
        public Task<McpToolList> ListToolsAsync(CancellationToken cancellationToken) => Task.FromResult(new McpToolList([], false));
        public Task<McpCallResult> CallAsync(string tool, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken) =>
            Task.FromResult(new McpCallResult("", false));
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
