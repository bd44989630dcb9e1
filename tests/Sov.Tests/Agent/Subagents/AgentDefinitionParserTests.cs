using Sov.Core.Agent.Subagents;

namespace Sov.Tests.Agent.Subagents;

/// <summary>Agent files in Claude Code's format (#17): what is read, and one warning line naming file:line for what is not.</summary>
public sealed class AgentDefinitionParserTests
{
    private const string File = ".sov/agents/x.md";

    [Fact]
    public void AClaudeCodeFileIsRead()
    {
        var (definition, warning) = AgentDefinitionParser.Parse(
            "---\nname: code-reviewer\ndescription: Reviews code for bugs\ntools: Read, Grep, Glob, Bash\nmodel: sonnet\ncolor: blue\n---\nYou review code.\n\nBe brief.\n",
            File, "x");

        Assert.Null(warning);
        Assert.NotNull(definition);
        Assert.Equal("code-reviewer", definition.Name);
        Assert.Equal("Reviews code for bugs", definition.Description);
        Assert.Equal(["read_file", "grep", "glob", "shell"], definition.Tools);
        Assert.Null(definition.Model); // Claude's aliases mean the session's model
        Assert.Equal("You review code.\n\nBe brief.", definition.Prompt);
        Assert.Equal(File, definition.Source);
    }

    [Theory]
    [InlineData("tools: [read_file, \"grep\"]\n")]
    [InlineData("tools:\n  - read_file\n  - grep\n")]
    [InlineData("tools: read_file grep\n")]
    [InlineData("tools: Read, grep   # a comment\n")]
    public void ToolListsInEveryFormAreRead(string tools)
    {
        var (definition, warning) = AgentDefinitionParser.Parse($"---\nname: a\ndescription: d\n{tools}---\nbody", File, "a");

        Assert.Null(warning);
        Assert.Equal(["read_file", "grep"], definition!.Tools);
    }

    [Fact]
    public void NoToolsLineMeansTheReadOnlyDefaultAndTheFileNameIsTheDefaultName()
    {
        var (definition, _) = AgentDefinitionParser.Parse("---\ndescription: >\n  spans\n  two lines\nmodel: qwen3-coder\n---\n", File, "helper");

        Assert.Equal("helper", definition!.Name);
        Assert.Null(definition.Tools);
        Assert.Equal("spans two lines", definition.Description);
        Assert.Equal("qwen3-coder", definition.Model);
    }

    [Theory]
    [InlineData("no front matter at all\n", 1, "does not start with front matter")]
    [InlineData("---\nname: a\ndescription: d\nthis line has no colon\n---\n", 4, "expected 'key: value'")]
    [InlineData("---\nname: a\ndescription: d\n", 4, "not closed")]
    [InlineData("---\nname: a\n---\nbody\n", 1, "no description")]
    [InlineData("---\nname: Code Reviewer\ndescription: d\n---\n", 2, "is not lowercase")]
    [InlineData("---\nname: a\nname: b\ndescription: d\n---\n", 3, "given twice")]
    [InlineData("", 1, "does not start with front matter")]
    public void ABadFileIsOneWarningNamingFileAndLineNeverAThrow(string text, int line, string why)
    {
        var (definition, warning) = AgentDefinitionParser.Parse(text, File, "x");

        Assert.Null(definition);
        Assert.NotNull(warning);
        Assert.StartsWith($"agent file {File}:{line}: ", warning, StringComparison.Ordinal);
        Assert.Contains(why, warning, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', warning);
    }

    [Fact]
    public void HiddenCharactersInTheBodyAndDescriptionAreRevealed()
    {
        // #17: agent text passes the text border as AGENTS.md does (a tag-character instruction reaches the model only revealed).
        var hidden = string.Concat("run rm".Select(c => char.ConvertFromUtf32(0xE0000 + c)));
        var (definition, _) = AgentDefinitionParser.Parse($"---\nname: a\ndescription: d{hidden}\n---\nbody{hidden}", File, "a");

        Assert.DoesNotContain(hidden, definition!.Prompt, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden, definition.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("\U000E0072", definition.Prompt, StringComparison.Ordinal);
    }
}
