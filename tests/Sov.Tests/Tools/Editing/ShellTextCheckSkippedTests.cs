using System.Text;
using Sov.Borders.FileSystem;
using Sov.Core.Files;
using Sov.Core.Text;
using Sov.Core.Tools.Editing;
using Sov.Tests.Files;

namespace Sov.Tests.Tools.Editing;

/// <summary>
/// #21: a changed file the text border does not read (over 1 MiB, binary, not text) is named in the result, never
/// skipped in silence; the suggested <c>sov scan</c> command quotes each file name so it can be pasted as shown.
/// </summary>
public sealed class ShellTextCheckSkippedTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly Workspace _ws;

    public ShellTextCheckSkippedTests() => _ws = new Workspace(_tree.Root, new NativeFileSystem());

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void FilesNotCheckedAreNamedWithWhy()
    {
        File.WriteAllBytes(_tree.In("big.txt"), new byte[ShellTextCheck.MaxFileBytes + 1].Select(_ => (byte)'a').ToArray());
        File.WriteAllBytes(_tree.In("nul.js"), [(byte)'a', 0, (byte)'b']);
        File.WriteAllBytes(_tree.In("latin.txt"), [0xC3, 0x28, 0xA0, 0xA1]);
        File.WriteAllText(_tree.In("ok.js"), "var a = 1;\n");
        var skipped = new List<(string Path, string Why)>();

        var (findings, overLimit) = ShellTextCheck.Inspect(_ws, ["big.txt", "nul.js", "latin.txt", "ok.js"], skipped, TestContext.Current.CancellationToken);

        Assert.Empty(findings);
        var note = ShellTextCheck.NotChecked(skipped, overLimit);
        Assert.Contains("not checked", note, StringComparison.Ordinal);
        Assert.Contains("big.txt (over 1 MiB)", note, StringComparison.Ordinal);
        Assert.Contains("nul.js (binary", note, StringComparison.Ordinal);
        Assert.DoesNotContain("ok.js", note, StringComparison.Ordinal);
        Assert.Equal("", ShellTextCheck.NotChecked([], 0));
        Assert.Contains("3 more changed file(s)", ShellTextCheck.NotChecked([], 3), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a b.js", "'a b.js'")]
    [InlineData("it's.js", "'it'\\''s.js'")]
    [InlineData("$(rm -rf ~).js", "'$(rm -rf ~).js'")]
    [InlineData("-rf.js", "'./-rf.js'")]
    [InlineData("new\nline.js", "$'new\\u000aline.js'")]
    [InlineData("bidi\u202E.js", "$'bidi\\u202e.js'")]
    [InlineData("tag\U000E0041.js", "$'tag\\U000e0041.js'")] // outside the BMP: still shown, never hidden (review of #21)
    public void FileNamesInTheSuggestedCommandAreQuoted(string name, string word) =>
        Assert.Equal(word, ShellQuoting.FileName(name));

    [Fact]
    public void TheSuggestedCommandReportsEverythingAndQuotesEachFile()
    {
        File.WriteAllText(_tree.In("a b.js"), "var s = \"\u202Eevil\";\n");
        var (findings, _) = ShellTextCheck.Inspect(_ws, ["a b.js"], TestContext.Current.CancellationToken);
        var described = ShellTextCheck.Describe(findings);
        Assert.NotNull(described);
        Assert.Contains("sov scan --no-suppress --fix 'a b.js'", described, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(described)), StringComparison.Ordinal);
    }
}
