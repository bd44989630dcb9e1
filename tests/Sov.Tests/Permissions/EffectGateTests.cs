using Sov.Borders.FileSystem;
using Sov.Core.Agent.Permission;
using Sov.Core.Files;
using Sov.Core.Permissions;
using Sov.Core.Tools;
using Sov.Core.Tools.Effects;
using Sov.Tests.Files;

namespace Sov.Tests.Permissions;

/// <summary>
/// #14: the gate judges a call by what its tool says it touches, with no list of names: a tool nobody has heard of
/// (here MCP-like names) that declares a write is asked about, denied and granted exactly like write_file.
/// </summary>
public sealed class EffectGateTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private static readonly FakeTool Put = new("mcp__fs__put_file", readOnly: false, a => new WritePath(a.GetString("target") ?? "", Creates: true));
    private static readonly FakeTool Run = new("exec_tool", readOnly: false, a => new RunCommand(a.GetString("cmd") ?? ""));
    private static readonly FakeTool Peek = new("peek", readOnly: true, a => new ReadPath(a.GetString("file") ?? "."));
    private static readonly FakeTool Fetch = new("fetch", readOnly: true, _ => new Network("http://127.0.0.1:8080"));

    private PolicyPermissionGate Gate(PermissionMode mode, bool headless = false, string[]? deny = null, bool sandbox = true) =>
        new(new PermissionPolicy(mode, PermissionRules.Parse([], [], deny ?? []), sandbox), new Workspace(_tree.Root, new NativeFileSystem()), headless);

    private static ToolCallRequest Call(ITool tool, string name, string value) =>
        new("c1", tool, new ToolArguments(new Dictionary<string, object> { [name] = value }), "{}");

    private static async Task<PermissionDecision> Check(PolicyPermissionGate gate, ToolCallRequest call) =>
        await gate.CheckAsync(call, TestContext.Current.CancellationToken);

    [Fact]
    public async Task ANewToolDeclaringAWriteIsGatedAsAWrite()
    {
        var asked = await Check(Gate(PermissionMode.Ask), Call(Put, "target", "src/a.cs"));
        Assert.Equal((Verdict.Ask, "write src/a.cs"), (asked.Verdict, asked.Reason));

        var denied = await Check(Gate(PermissionMode.FullAuto, deny: ["write:src/**"]), Call(Put, "target", "src/a.cs"));
        Assert.Equal((Verdict.Deny, "deny write:src/**", "rule"), (denied.Verdict, denied.Rule, denied.DecidedBy));

        Assert.Equal(Verdict.Deny, (await Check(Gate(PermissionMode.FullAuto), Call(Put, "target", ".git/hooks/pre-commit"))).Verdict);
        Assert.Equal(Verdict.Deny, (await Check(Gate(PermissionMode.FullAuto), Call(Put, "target", "../outside.txt"))).Verdict);
        Assert.Equal(Verdict.Deny, (await Check(Gate(PermissionMode.ReadOnly), Call(Put, "target", "a.txt"))).Verdict);
        Assert.Equal(Verdict.Allow, (await Check(Gate(PermissionMode.AutoEdit), Call(Put, "target", "a.txt"))).Verdict);
    }

    [Fact]
    public void AlwaysOnANewWritingToolAddsAWriteRule()
    {
        var gate = Gate(PermissionMode.Ask);

        Assert.Equal([new PermissionRule(RuleKind.Write, "src/a.cs")], gate.AlwaysRules(Call(Put, "target", "src/a.cs")));
        Assert.Equal([new PermissionRule(RuleKind.Shell, "make")], gate.AlwaysRules(Call(Run, "cmd", "make")));
    }

    [Fact]
    public async Task ANewToolDeclaringACommandIsJudgedByTheCommandClassifier()
    {
        var headless = await Check(Gate(PermissionMode.Ask, headless: true), Call(Run, "cmd", "rm -rf src"));
        Assert.Equal(Verdict.Deny, headless.Verdict);
        Assert.Contains("--mode full-auto", headless.Reason, StringComparison.Ordinal); // a command needs full-auto, as shell does

        Assert.Equal(Verdict.Deny, (await Check(Gate(PermissionMode.FullAuto, deny: ["shell:rm *"]), Call(Run, "cmd", "ls; rm -rf src"))).Verdict);
        Assert.Equal(Verdict.Allow, (await Check(Gate(PermissionMode.FullAuto), Call(Run, "cmd", "make"))).Verdict);
    }

    [Fact]
    public async Task ANewToolDeclaringAReadIsJudgedAsARead()
    {
        var gate = Gate(PermissionMode.FullAuto, deny: ["read:**/.env*"]);

        Assert.Equal(Verdict.Deny, (await Check(gate, Call(Peek, "file", "config/.env"))).Verdict);
        Assert.Equal(Verdict.Allow, (await Check(gate, Call(Peek, "file", "src/a.cs"))).Verdict);
    }

    [Fact]
    public async Task ANetworkCallIsAskedAndRefusedInReadOnlyMode()
    {
        Assert.Equal(Verdict.Ask, (await Check(Gate(PermissionMode.FullAuto), Call(Fetch, "url", "x"))).Verdict);
        Assert.Equal(Verdict.Deny, (await Check(Gate(PermissionMode.ReadOnly), Call(Fetch, "url", "x"))).Verdict);
    }

    [Fact]
    public async Task AToolThatSaysNothingIsAskedAboutInEveryMode()
    {
        var d = await Check(Gate(PermissionMode.FullAuto), Call(new FakeTool("write_file", readOnly: false), "path", "a.txt"));

        Assert.Equal((Verdict.Ask, "write_file may change things"), (d.Verdict, d.Reason));
    }

    // #14: "unsandboxed" is a flag of the one decision type, no longer a prefix glued into the reason.
    [Fact]
    public async Task AnUnsandboxedCommandIsFlaggedAndSaysSo()
    {
        var d = await Check(Gate(PermissionMode.Ask, sandbox: false), Call(Run, "cmd", "make"));
        Assert.True(d.Unsandboxed);
        Assert.Equal(Verdict.Ask, d.Verdict);
        Assert.DoesNotContain("UNSANDBOXED:", d.Reason, StringComparison.Ordinal);
        Assert.StartsWith("UNSANDBOXED: ", d.Explanation, StringComparison.Ordinal);

        var headless = await Check(Gate(PermissionMode.Ask, headless: true, sandbox: false), Call(Run, "cmd", "make"));
        Assert.Equal(Verdict.Deny, headless.Verdict);
        Assert.StartsWith("UNSANDBOXED: bubblewrap is unavailable", headless.Explanation, StringComparison.Ordinal);
    }
}
