using Sov.Borders.FileSystem;
using System.Text.Json;
using Sov.Core.Agent.Permission;
using Sov.Core.Files;
using Sov.Core.Permissions;
using Sov.Core.Tools;
using Sov.Tests.Files;
using Sov.Tests.Tools;

namespace Sov.Tests.Permissions;

public sealed class PolicyPermissionGateTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private async Task<PermissionDecision> Check(PermissionMode mode, string tool, bool readOnly, object args, bool headless = true)
    {
        var values = JsonSerializer.SerializeToElement(args).EnumerateObject().ToDictionary(p => p.Name, p => (object)(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value));
        var workspace = new Workspace(_tree.Root, new NativeFileSystem());
        var gate = new PolicyPermissionGate(new PermissionPolicy(mode, PermissionRules.Parse(["shell:git status"], [], ["read:**/.env*"]), true), workspace, headless);
        var called = SessionTools.For(workspace).Find(tool) ?? new FakeTool(tool, readOnly);
        return await gate.CheckAsync(new ToolCallRequest("c", called, new ToolArguments(values), "{}"), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task HeadlessTurnsAskIntoDenyAndSaysWhy()
    {
        var d = await Check(PermissionMode.Ask, "write_file", false, new { path = "a.txt" });
        Assert.Equal(Verdict.Deny, d.Verdict);
        Assert.Contains("nobody to ask", d.Reason, StringComparison.Ordinal);
        var interactive = await Check(PermissionMode.Ask, "write_file", false, new { path = "a.txt" }, headless: false);
        Assert.Equal(Verdict.Ask, interactive.Verdict);
    }

    [Fact]
    public async Task ToolsAreJudgedByWhatTheyTouch()
    {
        Assert.Equal(Verdict.Allow, (await Check(PermissionMode.AutoEdit, "edit_file", false, new { path = "src/a.cs" })).Verdict);
        Assert.Equal(Verdict.Deny, (await Check(PermissionMode.FullAuto, "write_file", false, new { path = ".git/hooks/x" })).Verdict);
        Assert.Equal(Verdict.Deny, (await Check(PermissionMode.FullAuto, "write_file", false, new { path = "../x" })).Verdict);
        Assert.Equal(Verdict.Allow, (await Check(PermissionMode.Ask, "shell", false, new { command = "git status" })).Verdict);
        Assert.Equal(Verdict.Deny, (await Check(PermissionMode.Ask, "shell", false, new { command = "git status; id" })).Verdict);
        Assert.Equal(Verdict.Allow, (await Check(PermissionMode.ReadOnly, "todo", true, new { })).Verdict);
        Assert.Equal(Verdict.Allow, (await Check(PermissionMode.ReadOnly, "read_file", true, new { path = "src/a.cs" })).Verdict);
        Assert.Equal(Verdict.Deny, (await Check(PermissionMode.FullAuto, "read_file", true, new { path = "config/.env" })).Verdict);
        Assert.Equal(Verdict.Deny, (await Check(PermissionMode.FullAuto, "read_file", true, new { path = "/etc/passwd" })).Verdict);
        Assert.Equal(Verdict.Deny, (await Check(PermissionMode.FullAuto, "mystery", false, new { })).Verdict);
    }

    // The journal's decided_by was never "rule" (left out of #6): the gate now says which rule decided.
    [Fact]
    public async Task ARuleThatDecidesIsNamedAndTheModeOtherwise()
    {
        var denied = await Check(PermissionMode.FullAuto, "read_file", true, new { path = "config/.env.local" });
        Assert.Equal((Verdict.Deny, "rule", "deny read:**/.env*"), (denied.Verdict, denied.DecidedBy, denied.Rule));
        var allowed = await Check(PermissionMode.Ask, "shell", false, new { command = "git status && git status" });
        Assert.Equal((Verdict.Allow, "rule", "allow shell:git status"), (allowed.Verdict, allowed.DecidedBy, allowed.Rule));
        var byMode = await Check(PermissionMode.AutoEdit, "write_file", false, new { path = "a.txt" });
        Assert.Equal((Verdict.Allow, "mode", null), (byMode.Verdict, byMode.DecidedBy, byMode.Rule));
        var headless = await Check(PermissionMode.Ask, "write_file", false, new { path = "a.txt" });
        Assert.Equal((Verdict.Deny, "mode"), (headless.Verdict, headless.DecidedBy));
    }

    // Review finding: read_file on a symlink to a denied file was judged by the link's name only.
    [Fact]
    public async Task AReadThroughASymlinkIsJudgedWhereItLeads()
    {
        Directory.CreateDirectory(Path.Combine(_tree.Root, "config"));
        File.WriteAllText(Path.Combine(_tree.Root, "config", ".env"), "TOKEN=x");
        File.CreateSymbolicLink(Path.Combine(_tree.Root, "notes.txt"), Path.Combine(_tree.Root, "config", ".env"));
        var d = await Check(PermissionMode.FullAuto, "read_file", true, new { path = "notes.txt" });
        Assert.Equal((Verdict.Deny, "deny read:**/.env*"), (d.Verdict, d.Rule));
    }
}
