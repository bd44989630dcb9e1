using Sov.Core.Files;
using Sov.Core.Tools.BuiltIn;

namespace Sov.Tests.Tools;

public sealed class ReadFileToolTests : ToolTestBase
{
    private readonly ReadFileTool _tool = new();

    [Fact]
    public async Task LinesAreNumbered()
    {
        Write("a.txt", "one\ntwo\nthree\n");
        var result = await RunAsync(_tool, """{"path":"a.txt"}""");
        Assert.False(result.IsError);
        Assert.Equal("     1\tone\n     2\ttwo\n     3\tthree\n", result.Text);
    }

    [Fact]
    public async Task OffsetAndLimitSelectLinesAndSayMoreFollow()
    {
        Write("a.txt", string.Join('\n', Enumerable.Range(1, 10).Select(i => $"line {i}")));
        var result = await RunAsync(_tool, """{"path":"a.txt","offset":"4","limit":2.0}""");
        Assert.Equal("     4\tline 4\n     5\tline 5\n[more lines follow; read again with offset=6]", result.Text);
    }

    [Fact]
    public async Task BinaryFilesAreRefusedWithAMessage()
    {
        File.WriteAllBytes(Path.Combine(Root.FullName, "b.bin"), [0x7f, 0x45, 0x00, 0x01]);
        var result = await RunAsync(_tool, """{"path":"b.bin"}""");
        Assert.True(result.IsError);
        Assert.Contains("binary", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingFileIsAToolError()
    {
        var result = await RunAsync(_tool, """{"path":"nope.txt"}""");
        Assert.True(result.IsError);
        Assert.Contains("No such file", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VeryLongLinesAreCut()
    {
        Write("long.txt", new string('x', 5000));
        var result = await RunAsync(_tool, """{"path":"long.txt"}""");
        Assert.Contains("[line truncated]", result.Text, StringComparison.Ordinal);
        Assert.True(result.Text.Length < 2200);
    }

    [Fact]
    public async Task APathOutsideTheWorkspaceIsRefused()
    {
        // The model naming ../ or an absolute path must not read outside the workspace.
        await Assert.ThrowsAsync<WorkspaceException>(() => RunAsync(_tool, """{"path":"../../etc/passwd"}"""));
        await Assert.ThrowsAsync<WorkspaceException>(() => RunAsync(_tool, """{"path":"/etc/passwd"}"""));
    }
}
