using Sov.Core.Tools.Mcp;

namespace Sov.Tests.Tools.Mcp;

/// <summary>
/// The MCP name rule. Issue #12 (items 4 and 5): a tool name with newlines drew fake lines in the approval box;
/// names outside MCP's characters or too long for a chat API are now refused, never rewritten.
/// </summary>
public sealed class McpToolNameTests
{
    /// <summary>Spaces, a newline, a slash, unicode, ESC, nothing, one character too many, a server name with a space.</summary>
    public static TheoryData<string, string> Refused => new()
    {
        { "fx", "has space" }, { "fx", "new\nline" }, { "fx", "slash/name" }, { "fx", "\u00fcnicode" }, { "fx", "esc\u001b[31m" }, { "fx", "" },
        { "fx", "a-tool-name-of-fifty-eight-characters-which-is-one-too-many" }, { "my server", "ok" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void InvalidOrTooLongNamesAreRefused(string server, string tool) =>
        Assert.Null(McpToolName.For(server, tool));

    [Fact]
    public void ShownNamesAreOneInertLineOfBoundedLength()
    {
        Assert.Equal("new line", McpToolName.Shown("new\nline"));
        Assert.Equal("esc⟦ESC⟧]0;x⟦BEL⟧", McpToolName.Shown("esc\u001b]0;x\u0007"));
        var shown = McpToolName.Shown(new string('a', 10240));
        Assert.Equal(new string('a', 80) + "… (10240 characters)", shown);
    }

    [Theory]
    [InlineData("github", "create_issue", "mcp__github__create_issue")]
    [InlineData("fs", "read.file-v2", "mcp__fs__read.file-v2")]
    [InlineData("s", "a-tool-name-of-exactly-fifty-seven-characters-in-all-xx", "mcp__s__a-tool-name-of-exactly-fifty-seven-characters-in-all-xx")]
    public void ValidNamesAreKeptAsTheServerGaveThem(string server, string tool, string expected)
    {
        Assert.Equal(expected, McpToolName.For(server, tool));
        Assert.True(expected.Length <= McpToolName.MaxLength);
    }
}
