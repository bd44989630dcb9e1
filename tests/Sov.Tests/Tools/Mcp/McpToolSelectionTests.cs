using System.Text.Json;
using Sov.Core.Tools.Mcp;

namespace Sov.Tests.Tools.Mcp;

/// <summary>
/// Which MCP tools reach the model. Issue #12 (item 5): 2,000 tools with 16 KiB schemas made a 32.8 MB first
/// request; names that break MCP's rule or collide are left out with a warning, never renamed.
/// </summary>
public sealed class McpToolSelectionTests
{
    private static readonly JsonElement Small = JsonDocument.Parse("""{"type":"object"}""").RootElement.Clone();

    private static McpToolInfo Tool(string name, JsonElement? schema = null) => new(name, "A tool.", schema ?? Small);

    private static (IMcpServer, IReadOnlyList<string>?, McpToolList) Server(string name, IEnumerable<McpToolInfo> tools, IReadOnlyList<string>? allowed = null, bool incomplete = false) =>
        (new FakeMcpServer(name, new McpCallResult("", false)), allowed, new McpToolList([.. tools], incomplete));

    [Fact]
    public void BadTakenAndDuplicateNamesAreLeftOutWithOneWarningEach()
    {
        var selection = McpToolSelection.Choose(
            [Server("fx", [Tool("ok"), Tool("bad name"), Tool("x\n\u001b[2J"), Tool("ok"), Tool("read_file"), Tool("dotted.v1")])],
            name => name == "mcp__fx__read_file");
        Assert.Equal(["mcp__fx__ok", "mcp__fx__dotted.v1"], selection.Tools.Select(t => t.Name));
        Assert.Contains(selection.Warnings, w => w.Contains("names break MCP's rule", StringComparison.Ordinal) && w.Contains("'bad name', 'x ⟦ESC⟧[2J'", StringComparison.Ordinal));
        Assert.Contains(selection.Warnings, w => w.Contains("names are taken: 'ok', 'read_file'", StringComparison.Ordinal));
        Assert.DoesNotContain(selection.Warnings, w => w.Contains('\u001b', StringComparison.Ordinal) || w.Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public void CountAndBytesAreCappedAndTheExcessIsCountedInOneWarning()
    {
        var many = McpToolSelection.Choose(
            [Server("a", Enumerable.Range(0, 100).Select(i => Tool($"t{i}"))), Server("b", Enumerable.Range(0, 100).Select(i => Tool($"t{i}")))],
            _ => false);
        Assert.Equal(McpLimits.MaxTools, many.Tools.Count);
        Assert.Equal(McpLimits.MaxToolsPerServer, many.Tools.Count(t => t.Server == "a"));
        var warning = Assert.Single(many.Warnings);
        Assert.Contains("36 of 'a', 36 of 'b'", warning, StringComparison.Ordinal);

        var big = JsonDocument.Parse("{\"type\":\"object\",\"description\":\"" + new string('x', 15_000) + "\"}").RootElement.Clone();
        var heavy = McpToolSelection.Choose([Server("h", Enumerable.Range(0, 10).Select(i => Tool($"t{i}", big)))], _ => false);
        Assert.Equal(4, heavy.Tools.Count);
        Assert.True(heavy.Tools.Sum(t => t.DeclarationBytes) <= McpLimits.MaxDeclarationBytes);
        Assert.Contains("6 of 'h'", Assert.Single(heavy.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAllowListNarrowsAndSaysWhatItDidNotFind()
    {
        var selection = McpToolSelection.Choose(
            [Server("fx", Enumerable.Range(0, 500).Select(i => Tool($"t{i}")), allowed: ["t7", "t499", "nope"], incomplete: true)],
            _ => false);
        Assert.Equal(["mcp__fx__t7", "mcp__fx__t499"], selection.Tools.Select(t => t.Name));
        Assert.Contains(selection.Warnings, w => w.Contains("does not offer: 'nope'", StringComparison.Ordinal));
        Assert.Contains(selection.Warnings, w => w.Contains("more than 16 pages", StringComparison.Ordinal));
    }
}
