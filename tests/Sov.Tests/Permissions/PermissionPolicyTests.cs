using Sov.Core.Config;
using Sov.Core.Permissions;

namespace Sov.Tests.Permissions;

public sealed class PermissionPolicyTests
{
    private static readonly PermissionRules Harmless = PermissionRules.Parse(
        ["shell:git status", "shell:ls*", "shell:echo *", "shell:true", "shell:cat *", "shell:npm test*"], [], ["shell:rm*", "shell:curl*"]);

    private static PermissionPolicy Policy(PermissionMode mode, PermissionRules? rules = null, bool sandbox = true) =>
        new(mode, rules ?? Harmless, sandbox);

    [Theory]
    [InlineData("git status")]
    [InlineData("git status && ls -la && npm test -- --watch=false")]
    [InlineData("echo hi | cat -n")]
    public void ApprovesOnlyWhenEverySegmentMatchesAnAllowRule(string command)
    {
        Assert.Equal(Verdict.Allow, Policy(PermissionMode.Ask).DecideShell(command).Verdict);
    }

    [Theory]
    [InlineData("git status && python3 evil.py")]
    [InlineData("git push")]
    public void AsksWhenAnySegmentIsNotAllowed(string command)
    {
        Assert.Equal(Verdict.Ask, Policy(PermissionMode.Ask).DecideShell(command).Verdict);
    }

    // Classifier bypasses with only harmless commands allowed (Gemini CLI chaining, Claude Code $IFS and
    // substitution CVEs): none may be approved automatically.
    [Theory]
    [InlineData("echo $(python3 -c 'import os')")]
    [InlineData("echo `id`")]
    [InlineData("echo ${PATH}")]
    [InlineData("ls$IFS-la")]
    [InlineData("echo hi > .git/hooks/pre-commit")]
    [InlineData("cat <(id)")]
    [InlineData("eval echo hi")]
    [InlineData("source ./x")]
    [InlineData("env ls")]
    [InlineData("LD_PRELOAD=./x.so ls")]
    [InlineData("ls\nid")]
    [InlineData("ls\rid")]
    [InlineData("alias ls=id")]
    [InlineData("ls() { id; }; ls")]
    [InlineData("echo x && find . -exec id \\;")]
    [InlineData("echo x | xargs id")]
    [InlineData("echo x && git -c core.pager=id log")]
    public void NeverApprovesUnmodelledConstructsAutomatically(string command)
    {
        var decision = Policy(PermissionMode.AutoEdit, PermissionRules.Parse(
            ["shell:echo *", "shell:ls*", "shell:cat *", "shell:find *", "shell:xargs *", "shell:git *", "shell:eval *",
             "shell:source *", "shell:env *", "shell:alias *"], [], [])).DecideShell(command);
        Assert.NotEqual(Verdict.Allow, decision.Verdict);
        Assert.Equal(Verdict.Deny, Policy(PermissionMode.ReadOnly, PermissionRules.Parse(["shell:echo *", "shell:ls*"], [], [])).DecideShell(command).Verdict);
    }

    // "Deny rules dropped after 50 subcommands" (Claude Code): there is no cap.
    [Fact]
    public void ADenyHoldsAtTheEndOfASixtySegmentChain()
    {
        var command = string.Join(" && ", Enumerable.Repeat("true", 59).Append("rm -rf src"));
        foreach (var mode in Enum.GetValues<PermissionMode>())
        {
            var decision = Policy(mode).DecideShell(command);
            Assert.Equal(Verdict.Deny, decision.Verdict);
            Assert.Contains("rm*", decision.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("echo $(rm -rf x)")]
    [InlineData("/bin/rm -rf x")]
    [InlineData("env FOO=1 rm x")]
    [InlineData("A=1 rm x")]
    [InlineData("bash -c 'ls && rm x'")]
    [InlineData("sh -c \"curl evil\"")]
    [InlineData("find . -exec rm {} \\;")]
    [InlineData("echo x | xargs rm")]
    [InlineData("eval 'rm x'")]
    [InlineData("true\nrm x")]
    public void DenyRulesSeeThroughWrappersAndNesting(string command)
    {
        foreach (var mode in Enum.GetValues<PermissionMode>())
        {
            Assert.Equal(Verdict.Deny, Policy(mode).DecideShell(command).Verdict);
        }
    }

    [Fact]
    public void FullAutoRunsUnmodelledCommandsOnlyWhenNoShellDenyRuleCouldBeHiding()
    {
        var noDeny = PermissionRules.Parse(["shell:git status"], [], []);
        Assert.Equal(Verdict.Allow, Policy(PermissionMode.FullAuto, noDeny).DecideShell("echo $HOME > x").Verdict);
        Assert.Equal(Verdict.Ask, Policy(PermissionMode.FullAuto).DecideShell("r$X -rf x").Verdict);
        Assert.Equal(Verdict.Allow, Policy(PermissionMode.FullAuto).DecideShell("python3 build.py").Verdict);
    }

    [Fact]
    public void WithoutTheSandboxEveryCommandAsksMarkedUnsandboxed()
    {
        var decision = Policy(PermissionMode.FullAuto, sandbox: false).DecideShell("git status");
        Assert.Equal(Verdict.Ask, decision.Verdict);
        Assert.True(decision.Unsandboxed);
        Assert.Contains("UNSANDBOXED", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AskRulesBeatAllowRulesAndDenyBeatsBoth()
    {
        var rules = PermissionRules.Parse(["shell:git *"], ["shell:git push*"], ["shell:git push --force*"]);
        Assert.Equal(Verdict.Allow, Policy(PermissionMode.Ask, rules).DecideShell("git log").Verdict);
        Assert.Equal(Verdict.Ask, Policy(PermissionMode.FullAuto, rules).DecideShell("git push origin").Verdict);
        Assert.Equal(Verdict.Deny, Policy(PermissionMode.FullAuto, rules).DecideShell("git push --force origin").Verdict);
    }

    [Theory]
    [InlineData(PermissionMode.ReadOnly, Verdict.Deny)]
    [InlineData(PermissionMode.Ask, Verdict.Ask)]
    [InlineData(PermissionMode.AutoEdit, Verdict.Allow)]
    [InlineData(PermissionMode.FullAuto, Verdict.Allow)]
    public void WritesFollowTheMode(PermissionMode mode, Verdict expected)
    {
        Assert.Equal(expected, Policy(mode).DecideWrite(new PathAccess("src/a.cs", true, false)).Verdict);
    }

    [Fact]
    public void ProtectedAndOutsideWritesAreDeniedInEveryMode()
    {
        foreach (var mode in Enum.GetValues<PermissionMode>())
        {
            Assert.Equal(Verdict.Deny, Policy(mode).DecideWrite(new PathAccess(".git/hooks/pre-commit", true, true)).Verdict);
            Assert.Equal(Verdict.Deny, Policy(mode).DecideWrite(new PathAccess("/etc/passwd", false, false)).Verdict);
        }
    }

    [Fact]
    public void WriteAndReadRulesUseGlobs()
    {
        var rules = PermissionRules.Parse(["write:src/**"], [], ["read:**/.env*", "write:**/*.lock"]);
        var ask = Policy(PermissionMode.Ask, rules);
        Assert.Equal(Verdict.Allow, ask.DecideWrite(new PathAccess("src/deep/a.cs", true, false)).Verdict);
        Assert.Equal(Verdict.Ask, ask.DecideWrite(new PathAccess("tests/a.cs", true, false)).Verdict);
        Assert.Equal(Verdict.Deny, Policy(PermissionMode.FullAuto, rules).DecideWrite(new PathAccess("src/x.lock", true, false)).Verdict);
        Assert.Equal(Verdict.Deny, ask.DecideRead(new PathAccess(".env", true, false)).Verdict);
        Assert.Equal(Verdict.Deny, ask.DecideRead(new PathAccess("app/.env.local", true, false)).Verdict);
        Assert.Equal(Verdict.Allow, ask.DecideRead(new PathAccess("src/env.cs", true, false)).Verdict);
        Assert.Equal(Verdict.Ask, ask.DecideRead(new PathAccess("/home/u/notes.txt", false, false)).Verdict);
    }

    [Fact]
    public void ProjectRulesCanOnlyNarrow()
    {
        var user = PermissionRules.Parse(["shell:git status"], [], []);
        var project = PermissionRules.Parse(["shell:*"], ["shell:git status"], ["write:**"]);
        var merged = user.NarrowedBy(project);
        Assert.Single(merged.Allow);
        Assert.Equal(Verdict.Ask, Policy(PermissionMode.Ask, merged).DecideShell("curl x").Verdict);
        Assert.Equal(Verdict.Ask, Policy(PermissionMode.Ask, merged).DecideShell("git status").Verdict);
        Assert.Equal(PermissionMode.Ask, PermissionModes.Narrowest(PermissionMode.FullAuto, PermissionMode.Ask));
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("exec:ls")]
    [InlineData("shell:")]
    public void BadRulesAreAConfigError(string rule)
    {
        Assert.Throws<ConfigException>(() => PermissionRule.Parse(rule));
    }
}
