using Sov.Borders.FileSystem;
using Sov.Cli.Interactive;
using Sov.Core.Agent.Permission;
using Sov.Core.Files;
using Sov.Core.Permissions;
using Sov.Core.Tools;
using Sov.Tests.Files;
using Sov.Tests.Tools;

namespace Sov.Tests.Permissions;

/// <summary>
/// #18: a command that runs in the editor's terminal (<c>[acp] editor_terminal</c>) runs outside the sandbox, so the gate
/// decides it as it does an unsandboxed one: asked every time and marked UNSANDBOXED, never let through by auto-edit or
/// full-auto nor by allow rules; deny rules, plan and read-only modes still refuse it.
/// </summary>
public sealed class EditorTerminalPolicyTests
{
    private static readonly PermissionRules Rules = PermissionRules.Parse(["shell:ls*", "shell:git status"], ["shell:npm*"], ["shell:rm*"]);

    private static PermissionPolicy Policy(PermissionMode mode, bool editorTerminal = true) =>
        new(mode, Rules, sandboxAvailable: true) { EditorTerminal = editorTerminal };

    [Theory]
    [InlineData(PermissionMode.Ask, "ls -la")]
    [InlineData(PermissionMode.Ask, "python3 x.py")]
    [InlineData(PermissionMode.AutoEdit, "git status")]
    [InlineData(PermissionMode.FullAuto, "python3 x.py")]
    [InlineData(PermissionMode.FullAuto, "ls")]
    [InlineData(PermissionMode.FullAuto, "npm test")]
    public void EveryCommandIsAskedMarkedUnsandboxedWhateverTheModeOrAllowRules(PermissionMode mode, string command)
    {
        var decision = Policy(mode).DecideShell(command);
        Assert.Equal(Verdict.Ask, decision.Verdict);
        Assert.True(decision.Unsandboxed);
        Assert.StartsWith("UNSANDBOXED: ", decision.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReasonNamesTheEditorsTerminal()
    {
        Assert.Contains("editor's terminal", Policy(PermissionMode.FullAuto).DecideShell("make").Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PermissionMode.FullAuto, "rm -rf build")]
    [InlineData(PermissionMode.Plan, "ls")]
    [InlineData(PermissionMode.ReadOnly, "python3 x.py")]
    public void DenyRulesPlanAndReadOnlyStillRefuse(PermissionMode mode, string command)
    {
        Assert.Equal(Verdict.Deny, Policy(mode).DecideShell(command).Verdict);
    }

    [Fact]
    public void WithoutTheEditorsTerminalTheSandboxedDecisionsAreUnchanged()
    {
        Assert.Equal(Verdict.Allow, Policy(PermissionMode.FullAuto, editorTerminal: false).DecideShell("python3 x.py").Verdict);
        Assert.Equal(Verdict.Allow, Policy(PermissionMode.Ask, editorTerminal: false).DecideShell("ls -la").Verdict);
        Assert.False(Policy(PermissionMode.Ask, editorTerminal: false).DecideShell("python3 x.py").Unsandboxed);
    }

    [Fact]
    public void ASessionGrantMayAnswerTheAskAsForAnUnsandboxedCommandButNothingElseDoes()
    {
        var granted = new PermissionPolicy(PermissionMode.Ask, Rules, sandboxAvailable: true)
        {
            EditorTerminal = true,
            Grants = new SessionGrants().With(PermissionRule.Parse("shell:make")),
        };
        var decision = granted.DecideShell("make");
        Assert.Equal(Verdict.Allow, decision.Verdict);
        Assert.True(decision.Unsandboxed);
        Assert.Equal(Verdict.Ask, granted.DecideShell("make install").Verdict);
    }

    [Fact]
    public async Task TheGateAndAModeSwitchKeepTheEditorsTerminal()
    {
        using var tree = new TempTree();
        var workspace = new Workspace(tree.Root, new NativeFileSystem());
        var gate = new InteractivePermissionGate(new PolicyPermissionGate(Policy(PermissionMode.Ask), workspace, headless: false), workspace);
        Assert.Null(gate.SwitchMode(PermissionMode.FullAuto));
        var shell = SessionTools.For(workspace).Find("shell")!;
        var decision = await gate.CheckAsync(new ToolCallRequest("c", shell, new ToolArguments(new Dictionary<string, object> { ["command"] = "ls" }), "{}"),
            TestContext.Current.CancellationToken);
        Assert.Equal(Verdict.Ask, decision.Verdict);
        Assert.True(decision.Unsandboxed);
        Assert.True(gate.Asked("c")!.Unsandboxed);
    }
}
