using Sov.Core.Tools.BuiltIn;

namespace Sov.Tests.Tools;

public sealed class SearchToolsTests : ToolTestBase
{
    public SearchToolsTests()
    {
        Write("src/app.cs", "class App { }\n// TODO: fix\n");
        Write("src/lib/util.cs", "static class Util { } // TODO later\n");
        Write("README.md", "# readme\n");
        Write(".gitignore", "build/\n*.log\n!keep.log\n");
        Write("build/out.cs", "// TODO generated\n");
        Write("debug.log", "TODO in a log\n");
        Write("keep.log", "TODO kept\n");
        Write(".git/config", "TODO git internals\n");
    }

    [Fact]
    public async Task ListDirShowsFoldersFirst()
    {
        var result = await RunAsync(new ListDirTool(), """{"path":"src"}""");
        Assert.Equal("lib/\napp.cs\n", result.Text);
    }

    [Fact]
    public async Task GlobMatchesAcrossFoldersAndSkipsIgnoredFiles()
    {
        var result = await RunAsync(new GlobTool(), """{"pattern":"**/*.cs"}""");
        Assert.Equal("src/app.cs\nsrc/lib/util.cs\n", result.Text);
    }

    [Fact]
    public async Task GlobWithoutSlashMatchesBaseNames()
    {
        var result = await RunAsync(new GlobTool(), """{"pattern":"*.log"}""");
        Assert.Equal("keep.log\n", result.Text); // debug.log ignored, keep.log re-included by '!'
    }

    [Fact]
    public async Task GlobUnderAPath()
    {
        var result = await RunAsync(new GlobTool(), """{"pattern":"*.cs","path":"src/lib"}""");
        Assert.Equal("src/lib/util.cs\n", result.Text);
    }

    [Fact]
    public async Task GrepIsGitignoreAwareAndPrintsPathLineText()
    {
        var result = await RunAsync(new GrepTool(), """{"pattern":"TODO"}""");
        Assert.Equal("keep.log:1:TODO kept\nsrc/app.cs:2:// TODO: fix\nsrc/lib/util.cs:1:static class Util { } // TODO later\n", result.Text);
    }

    [Fact]
    public async Task GrepFiltersByGlob()
    {
        var result = await RunAsync(new GrepTool(), """{"pattern":"class \\w+","glob":"*.cs","path":"src"}""");
        Assert.Equal(2, result.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task GrepOutputIsCapped()
    {
        Write("many.txt", string.Join('\n', Enumerable.Repeat("hit", GrepTool.MaxMatches + 50)));
        var result = await RunAsync(new GrepTool(), """{"pattern":"hit","path":"many.txt"}""");
        Assert.Contains("more matches not shown", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidRegexIsAToolError()
    {
        var result = await RunAsync(new GrepTool(), """{"pattern":"(unclosed"}""");
        Assert.True(result.IsError);
    }
}
