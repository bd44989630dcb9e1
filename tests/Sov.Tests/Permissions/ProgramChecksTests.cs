using Sov.Core.Permissions.Shell;

namespace Sov.Tests.Permissions;

public sealed class ProgramChecksTests
{
    // Known program-running flags (Claude Code CVE-2025-54795/-58764/-64755, CVE-2026-24887).
    [Theory]
    [InlineData("find . -exec rm {} \\;")]
    [InlineData("find . -execdir sh -c x ;")]
    [InlineData("find . -delete")]
    [InlineData("find . -fprint /tmp/x")]
    [InlineData("find . -ok rm ;")]
    [InlineData("rg --pre ./evil pattern")]
    [InlineData("rg --pre=./evil pattern")]
    [InlineData("sed -n 1e/bin/id file")]
    [InlineData("sed s/a/b/e file")]
    [InlineData("sed s/a/b/w/tmp/out file")]
    [InlineData("sed -e 1p -e w/tmp/out file")]
    [InlineData("sed --expression=e file")]
    [InlineData("sed -f script.sed file")]
    [InlineData("sed 'b;e id' file")]
    [InlineData("sed /x/e file")]
    [InlineData("awk 'BEGIN{system(\"id\")}'")]
    [InlineData("awk '{print|\"sh\"}'")]
    [InlineData("awk -f prog.awk")]
    [InlineData("gawk @load")]
    [InlineData("xargs rm")]
    [InlineData("git -c core.pager=id log")]
    [InlineData("git -ccore.fsmonitor=id status")]
    [InlineData("git -p log")]
    [InlineData("git --paginate log")]
    [InlineData("git --config-env=core.pager=X log")]
    [InlineData("git --exec-path=/tmp status")]
    [InlineData("git --git-dir=/tmp/evil status")]
    [InlineData("git fetch --upload-pack=id origin")]
    [InlineData("eval ls")]
    [InlineData("source x.sh")]
    [InlineData(". x.sh")]
    [InlineData("env ls")]
    [InlineData("bash -c ls")]
    [InlineData("/usr/bin/find . -delete")]
    [InlineData("tar --to-command=sh -xf a.tar")]
    [InlineData("fd -x rm")]
    [InlineData("fd -HIx rm")]
    [InlineData("fd --exec-b rm")]
    // Issue #11: the same flags spelled as the program also accepts them: abbreviated long options,
    // --opt=value, bundled and attached short options, old-style tar letters.
    [InlineData("tar --to-com=sh -xf a.tar")]
    [InlineData("tar -xf a.tar --checkpoint-act=exec=id")]
    [InlineData("tar xIid -f a.tar")]
    [InlineData("tar -xvIid -f a.tar")]
    [InlineData("tar -tf host:a.tar")]
    [InlineData("tar --use-comp=id -xf a.tar")]
    [InlineData("git grep -nOid foo")]
    [InlineData("git grep --open-files=id foo")]
    [InlineData("git grep --open id foo")]
    [InlineData("git --pag log")]
    [InlineData("git --git-d=/tmp/x log")]
    [InlineData("git log --ext-d")]
    [InlineData("git rebase -x id HEAD~1")]
    [InlineData("git rebase --exe=id HEAD~1")]
    [InlineData("git clone --upload=id x y")]
    [InlineData("git clone --templ=./t x y")]
    [InlineData("git difftool HEAD")]
    [InlineData("git submodule foreach id")]
    [InlineData("sort --compress-prog=id a")]
    [InlineData("rg --pr=./x foo")]
    [InlineData("sed --expr=1e\\ id a")]
    [InlineData("sed --fi=s.sed a")]
    [InlineData("gawk --fil=prog.awk")]
    [InlineData("gawk --lo=ext")]
    [InlineData("awk -fprog.awk")]
    [InlineData("rsync -e 'sh -c id' a x:b")]
    [InlineData("less a")]
    [InlineData("vim -c '!id' a")]
    [InlineData("fakeroot rm x")]
    public void RefusesProgramRunningFlags(string command)
    {
        var words = ShellTokenizer.Parse(command).Segments[0].Words;
        Assert.NotNull(ProgramChecks.Check(words));
    }

    [Theory]
    [InlineData("find . -name x -print")]
    [InlineData("rg pattern src")]
    [InlineData("sed -n s/a/b/p file")]
    [InlineData("sed 1,5d file")]
    [InlineData("awk '{print $1}'")]
    [InlineData("git status")]
    [InlineData("git -C sub log --oneline")]
    [InlineData("git commit -m wip")]
    [InlineData("ls -la")]
    [InlineData("tar -xzf a.tgz")]
    [InlineData("tar xzf a.tgz")]
    [InlineData("sort -o out a")]
    [InlineData("sed -i s/a/b/ f")]
    [InlineData("git log --output=x")]
    [InlineData("git grep -e foo")]
    public void LetsOrdinaryUsesThrough(string command)
    {
        var words = ShellTokenizer.Parse(command).Segments[0].Words;
        Assert.Null(ProgramChecks.Check(words));
    }
}
