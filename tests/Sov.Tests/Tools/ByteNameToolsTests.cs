using Sov.Core.Files;
using Sov.Core.Tools.BuiltIn;
using Sov.Tests.Files;

namespace Sov.Tests.Tools;

/// <summary>
/// Issue #13 item 6: one file name that is not UTF-8 broke grep for the whole workspace, folders with such
/// names were invisible to glob and grep, and list_dir showed U+FFFD names that could not be opened. Now every
/// tool shows them in the escape (<c>\xNN</c>) and takes that text back.
/// </summary>
public sealed class ByteNameToolsTests : ToolTestBase
{
    public ByteNameToolsTests()
    {
        Write("good.txt", "needle in good\n");
        RawNames.Create(Root.FullName, RawNames.Bytes("bad", 0xFF).Concat(RawNames.Bytes("name.txt")).ToArray(), "needle in bad\n");
        RawNames.Create(Root.FullName, RawNames.Bytes("dir", 0xFE), null);
        RawNames.Create(Root.FullName, RawNames.Bytes("dir", 0xFE).Concat(RawNames.Bytes("/inner.txt")).ToArray(), "needle inner\n");
        RawNames.Create(Root.FullName, RawNames.Bytes(@"lit\x41.txt"), "needle literal\n");
    }

    [Fact]
    public async Task ListDirShowsEscapedNames()
    {
        var result = await RunAsync(new ListDirTool(), """{"path":"."}""");
        Assert.False(result.IsError, result.Text);
        Assert.Contains(@"bad\xffname.txt", result.Text, StringComparison.Ordinal);
        Assert.Contains(@"dir\xfe/", result.Text, StringComparison.Ordinal);
        Assert.Contains(@"lit\\x41.txt", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFileTakesTheShownNameBack()
    {
        var bad = await RunAsync(new ReadFileTool(), """{"path":"bad\\xffname.txt"}""");
        Assert.Contains("needle in bad", bad.Text, StringComparison.Ordinal);
        var inner = await RunAsync(new ReadFileTool(), """{"path":"dir\\xfe/inner.txt"}""");
        Assert.Contains("needle inner", inner.Text, StringComparison.Ordinal);
        var literal = await RunAsync(new ReadFileTool(), """{"path":"lit\\\\x41.txt"}""");
        Assert.Contains("needle literal", literal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrepSearchesEveryFileAndOneBadNameNeverStopsIt()
    {
        var result = await RunAsync(new GrepTool(), """{"pattern":"needle"}""");
        Assert.False(result.IsError, result.Text);
        Assert.Contains("good.txt:1:needle in good", result.Text, StringComparison.Ordinal);
        Assert.Contains(@"bad\xffname.txt:1:needle in bad", result.Text, StringComparison.Ordinal);
        Assert.Contains(@"dir\xfe/inner.txt:1:needle inner", result.Text, StringComparison.Ordinal);
        Assert.Contains(@"lit\\x41.txt:1:needle literal", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GlobSeesInsideFoldersWithBadNames()
    {
        var result = await RunAsync(new GlobTool(), """{"pattern":"**/*.txt"}""");
        Assert.Contains(@"dir\xfe/inner.txt", result.Text, StringComparison.Ordinal);
        Assert.Contains(@"bad\xffname.txt", result.Text, StringComparison.Ordinal);
        var inside = await RunAsync(new GlobTool(), """{"pattern":"*.txt","path":"dir\\xfe"}""");
        Assert.Equal("dir\\xfe/inner.txt\n", inside.Text);
    }

    [Fact]
    public async Task EditAndWriteReachTheSameFile()
    {
        var editor = new FileEditor(Context.Workspace);
        var change = await editor.PrepareEditAsync(@"bad\xffname.txt", "needle", "pin", false, TestContext.Current.CancellationToken);
        editor.Apply(change, null, "edit_file");
        var written = await editor.PrepareWriteAsync(@"dir\xfe/new.txt", "fresh\n", TestContext.Current.CancellationToken);
        editor.Apply(written, null, "write_file");

        Assert.Contains("pin in bad", (await RunAsync(new ReadFileTool(), """{"path":"bad\\xffname.txt"}""")).Text, StringComparison.Ordinal);
        Assert.Contains("fresh", (await RunAsync(new ReadFileTool(), """{"path":"dir\\xfe/new.txt"}""")).Text, StringComparison.Ordinal);
        var listing = (await RunAsync(new ListDirTool(), """{"path":"."}""")).Text;
        Assert.DoesNotContain(".sov-", listing, StringComparison.Ordinal); // no temporary file left behind
        Assert.DoesNotContain(@"bad\\xff", listing, StringComparison.Ordinal); // no literal-named twin created
    }

    [Fact]
    public async Task ASymlinkWithABadNameCannotLeadOut()
    {
        var outside = Directory.CreateTempSubdirectory("sov-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Join(outside, "secret.txt"), "SECRET");
            var ln = new System.Diagnostics.ProcessStartInfo("/bin/bash");
            foreach (var arg in new[] { "-c", "ln -s \"$1\" \"$2/$(printf 'out\\375')\"", "ln", outside, Root.FullName })
            {
                ln.ArgumentList.Add(arg);
            }

            await Sov.TestKit.ChildProcess.RunAsync(ln, stdin: null, TimeSpan.FromMinutes(1), "ln -s", TestContext.Current.CancellationToken);

            Assert.Contains("1 entry withheld", (await RunAsync(new ListDirTool(), """{"path":"."}""")).Text, StringComparison.Ordinal); // a link out is not listed
            var read = await Assert.ThrowsAsync<WorkspaceException>(() => RunAsync(new ReadFileTool(), """{"path":"out\\xfd/secret.txt"}"""));
            Assert.Contains("outside the workspace", read.Message, StringComparison.Ordinal);
            var grep = await RunAsync(new GrepTool(), """{"pattern":"SECRET"}""");
            Assert.DoesNotContain("SECRET", grep.Text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }
}
