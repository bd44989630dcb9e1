using Sov.Core.Permissions;

namespace Sov.Tests.Permissions;

/// <summary>Issue #11 items 3 and 4 at the level of the policy: rule approval by read-only options, and deny rules through interpreters.</summary>
public sealed class PermissionPolicyClassifierTests
{
    private static readonly PermissionRules ReadOnlyRules = PermissionRules.Parse(
        ["shell:git grep*", "shell:git log*", "shell:git diff*", "shell:git show*", "shell:sort *", "shell:sed *", "shell:tar *",
         "shell:python3 *", "shell:perl *", "shell:awk *", "shell:ls*", "shell:cat *", "shell:npm test*"], [], []);

    private static readonly PermissionRules DenyRm = PermissionRules.Parse([], [], ["shell:rm -rf*"]);

    [Theory]
    [InlineData("git grep -n foo")]
    [InlineData("git log --oneline -3")]
    [InlineData("git diff --stat")]
    [InlineData("sort -n a | cat -n")]
    [InlineData("sed -n 1,3p a")]
    [InlineData("tar -tzf a.tgz")]
    [InlineData("npm test -- --watch=false")]
    public void ReadOnlyModeStillRunsReadOnlyCommandsTheRulesName(string command)
    {
        Assert.Equal(Verdict.Allow, new PermissionPolicy(PermissionMode.ReadOnly, ReadOnlyRules, true).DecideShell(command).Verdict);
    }

    // Issue #11 item 3: read-only mode plus plausible allow rules ran arbitrary commands.
    [Theory]
    [InlineData("git grep --open-files-in-pager='touch pwned' foo")]
    [InlineData("git grep -O'touch pwned' foo")]
    [InlineData("git grep --open-files='touch pwned' foo")]
    [InlineData("git log --output=.envrc --format='touch pwned'")]
    [InlineData("git log --outp .envrc")]
    [InlineData("git diff --output=F")]
    [InlineData("git show --output=F HEAD")]
    [InlineData("sort -o F a")]
    [InlineData("sort -roF a")]
    [InlineData("sort --outp=F a")]
    [InlineData("sed -n -i s/a/b/ a")]
    [InlineData("sed -ni s/a/b/ a")]
    [InlineData("sed --in-pla s/a/b/ a")]
    [InlineData("tar --to-comm=sh -tf a.tar")]
    [InlineData("tar --use-compress=id -tf a.tar")]
    [InlineData("tar -xf a.tar")]
    [InlineData("python3 -c 'print(1)'")]
    [InlineData("perl -e 'print 1'")]
    [InlineData("awk '{print $1}' a")]
    public void ReadOnlyModeRefusesWritingAndRunningOptionsAllowRulesMatch(string command)
    {
        var decision = new PermissionPolicy(PermissionMode.ReadOnly, ReadOnlyRules, true).DecideShell(command);
        Assert.Equal(Verdict.Deny, decision.Verdict);
        Assert.Equal(Verdict.Ask, new PermissionPolicy(PermissionMode.Ask, ReadOnlyRules, true).DecideShell(command).Verdict);
    }

    // Issue #11 item 4: deny rules bypassed in full-auto through interpreters and program-running options.
    [Theory]
    [InlineData("python3 -c 'import os; os.system(\"rm -rf v1\")'")]
    [InlineData("python3 -c 'import subprocess; subprocess.run([\"rm\", \"-rf\", \"v1\"])'")]
    [InlineData("python3 -c 'import os; os.system(\"rm -r\" + \"f v1\")'")]
    [InlineData("python -Bc 'import os; os.popen(\"rm -rf v1\")'")]
    [InlineData("perl -e 'system(\"rm -rf v1\")'")]
    [InlineData("perl -e 'system \"rm\", \"-rf\", \"v1\"'")]
    [InlineData("perl -e '`rm -rf v1`'")]
    [InlineData("ruby -e 'system(\"rm -rf v1\")'")]
    [InlineData("node -e 'require(\"child_process\").execSync(\"rm -rf v1\")'")]
    [InlineData("php -r 'shell_exec(\"rm -rf v1\");'")]
    [InlineData("lua -e 'os.execute(\"rm -rf v1\")'")]
    [InlineData("awk 'BEGIN{system(\"rm -rf v1\")}'")]
    [InlineData("python3 -c 'import os; os.system(\"bash -c \\\"rm -rf v1\\\"\")'")]
    [InlineData("fakeroot rm -rf v1")]
    [InlineData("valgrind -q rm -rf v1")]
    public void DenyRulesSeeCommandsInsideInlineCode(string command)
    {
        foreach (var mode in Enum.GetValues<PermissionMode>())
        {
            Assert.Equal(Verdict.Deny, new PermissionPolicy(mode, DenyRm, true).DecideShell(command).Verdict);
        }
    }

    // Issue #11 item 4: code too opaque to read asks (refused headless) whenever a shell deny rule exists.
    [Theory]
    [InlineData("python3 -c 'import shutil; shutil.rmtree(\"v1\")'")]
    [InlineData("python3 -c 'import os; c = \"v1\"; os.system(\"r\" \"m -\" + \"rf \" + c)'")]
    [InlineData("python3 -c 'import os; os.system(chr(114) + \"m -rf v1\")'")]
    [InlineData("python3 -c 'import os; f = os.system; f(\"echo\")'")]
    [InlineData("python3 -c 'import base64, os; os.system(base64.b64decode(\"cm0gLXJmIHYx\"))'")]
    [InlineData("python3 -c 'getattr(__import__(\"os\"), \"system\")(\"ls\")'")]
    [InlineData("python3 -c 'import os,sys; os.system(sys.argv[1])' 'rm -rf v1'")]
    [InlineData("python3 -c 'import os; os.system(\"\".join(reversed(\"1v fr- mr\")))'")]
    [InlineData("python3 -c 'exec(\"import os\")'")]
    [InlineData("python3 -c 'import timeit; timeit.timeit(\"o\" + \"s.sys\" + \"tem(1)\", setup=\"import os\")'")]
    [InlineData("python3 -c 'import os; c = \" \".join([\"rm\", \"-r\" + \"f\", \"v1\"]); os.system(c)'")]
    [InlineData("perl -e 'my $c = \"v1\"; system(\"rm -rf $c\")'")]
    [InlineData("perl -MFile::Path=rmtree -e 'rmtree(\"v1\")'")]
    [InlineData("perl -e 'unlink glob \"v1/*\"'")]
    [InlineData("ruby -e 'require \"fileutils\"; FileUtils.rm_rf(\"v1\")'")]
    [InlineData("node -e 'require(\"fs\").rmSync(\"v1\", {recursive: true})'")]
    [InlineData("node -e 'const {execSync: x} = require(\"child_process\"); x(process.argv[1])' x")]
    [InlineData("echo 'import os' | python3")]
    [InlineData("python3 - < x.py")]
    [InlineData("tclsh")]
    [InlineData("tar --to-comm=sh -xf a.tar")]
    [InlineData("git grep --open-files='sh -c x' foo")]
    [InlineData("git grep -nO'sh -c x' foo")]
    [InlineData("sort --compress-prog=./x a")]
    [InlineData("sed --expr='1e id' a")]
    [InlineData("vim -c '!id' a")]
    [InlineData("node -e 'require(\"child_process\").execSync(\"\\x72m -rf v1\")'")]
    [InlineData("python3 -c 'import os; os.system(\"\\162m -rf v1\")'")]
    [InlineData("php -r '$f = \"sys\" . \"tem\"; $f(strrev(\"1v fr- mr\"));'")]
    [InlineData("ruby -e '%x(r\"\"m -rf v1)'")]
    [InlineData("sqlite3 x.db '.shell id'")]
    [InlineData("rsync -e 'sh -c id' a x:b")]
    public void OpaqueCodeAndRunningOptionsAskWhenADenyRuleExists(string command)
    {
        var decision = new PermissionPolicy(PermissionMode.FullAuto, DenyRm, true).DecideShell(command);
        Assert.NotEqual(Verdict.Allow, decision.Verdict);
        Assert.Equal(Verdict.Allow, new PermissionPolicy(PermissionMode.FullAuto, PermissionRules.Empty, true).DecideShell(command).Verdict);
    }

    [Theory]
    [InlineData("python3 -c 'print(1)'")]
    [InlineData("python3 -c 'import json, sys; print(json.load(sys.stdin)[\"name\"])'")]
    [InlineData("python3 build.py")]
    [InlineData("python3 -m pytest -q")]
    [InlineData("node -e 'console.log(1 + 2)'")]
    [InlineData("perl -ne 'print if /x/' a")]
    [InlineData("python3 -c 'import subprocess; subprocess.run([\"ls\", \"-la\"], check=True)'")]
    [InlineData("python3 -c 'import os; print(os.path.join(\"a\", \"b\").replace(\"a\", \"c\"))'")]
    public void ReadableHarmlessCodeRunsInFullAutoDespiteDenyRules(string command)
    {
        Assert.Equal(Verdict.Allow, new PermissionPolicy(PermissionMode.FullAuto, DenyRm, true).DecideShell(command).Verdict);
    }
}
