using System.Text.Json;
using Sov.Core.Permissions;
using Sov.Core.Tools;
using Sov.Core.Tools.BuiltIn;

namespace Sov.Tests.Tools;

/// <summary>
/// Read rules bind every file a folder walk meets, not only the path a tool names (the gap #5 left): grep,
/// glob and list_dir leave out paths a deny or ask read rule matches, and say how many they withheld.
/// </summary>
public sealed class ReadRuleWalkTests : ToolTestBase
{
    private readonly ToolContext _ruled;

    public ReadRuleWalkTests()
    {
        Write("src/app.cs", "// TODO app\n");
        Write("secrets/prod.key", "TODO secret key\n");
        Write("src/.env", "TODO=token\n");
        Write("notes/ask.md", "TODO ask first\n");
        var rules = PermissionRules.Parse(null, ask: ["read:notes/ask.md"], deny: ["read:secrets/**", "read:**/.env"]);
        _ruled = Context with { MayRead = new PermissionPolicy(PermissionMode.Ask, rules, sandboxAvailable: true).ReadsFreely };
    }

    private async Task<string> Run(ITool tool, string json)
    {
        using var doc = JsonDocument.Parse(json);
        return (await tool.ExecuteAsync(ArgumentCoercer.Coerce(tool.Schema, doc.RootElement), _ruled, TestContext.Current.CancellationToken)).Text;
    }

    [Fact]
    public async Task GrepReadsOnlyFilesNoRuleHoldsBack()
    {
        var text = await Run(new GrepTool(), """{"pattern":"TODO"}""");
        Assert.Equal("src/app.cs:1:// TODO app\n[3 files withheld by read rules]\n", text);
    }

    [Fact]
    public async Task GlobListsOnlyReadableFiles()
    {
        var text = await Run(new GlobTool(), """{"pattern":"**/*"}""");
        Assert.Equal("src/app.cs\n[3 files withheld by read rules]\n", text);
    }

    [Fact]
    public async Task ListDirWithholdsEntriesAndSaysSo()
    {
        Assert.Equal("[1 entry withheld by read rules]", await Run(new ListDirTool(), """{"path":"secrets"}"""));
        Assert.Equal("app.cs\n[1 entry withheld by read rules]\n", await Run(new ListDirTool(), """{"path":"src"}"""));
    }

    [Fact]
    public async Task NoMatchStillSaysWhatWasWithheld()
    {
        Assert.Equal("(no matches)\n[3 files withheld by read rules]\n", await Run(new GrepTool(), """{"pattern":"nowhere"}"""));
    }

    [Fact]
    public async Task WithoutRulesNothingIsWithheld()
    {
        var result = await RunAsync(new GrepTool(), """{"pattern":"TODO"}""");
        Assert.DoesNotContain("withheld", result.Text, StringComparison.Ordinal);
        Assert.Contains("secrets/prod.key:1:TODO secret key", result.Text, StringComparison.Ordinal);
    }

    // Review finding: a symlink the model makes (ln -s src/.env innocent.txt) was read by grep outside the
    // sandbox, and one leading out of the workspace was followed. Now where a link leads is judged too.
    [Fact]
    public async Task SymlinksAreJudgedByWhereTheyLead()
    {
        var outside = Directory.CreateTempSubdirectory("sov-walk-out-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "creds"), "TODO outside secret");
            File.CreateSymbolicLink(Path.Combine(Root.FullName, "innocent.txt"), Path.Combine(Root.FullName, "src", ".env"));
            File.CreateSymbolicLink(Path.Combine(Root.FullName, "out.txt"), Path.Combine(outside, "creds"));
            var text = await Run(new GrepTool(), """{"pattern":"TODO"}""");
            Assert.DoesNotContain("token", text, StringComparison.Ordinal);
            Assert.DoesNotContain("outside secret", text, StringComparison.Ordinal);
            Assert.Contains("[5 files withheld by read rules]", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }
}
