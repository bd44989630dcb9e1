using Sov.Cli.Interactive;

namespace Sov.Tests.Cli.Interactive;

public sealed class SlashCommandTests
{
    [Theory]
    [InlineData("/help", "help", "")]
    [InlineData("  /MODE auto-edit ", "mode", "auto-edit")]
    [InlineData("/review src/a.cs please", "review", "src/a.cs please")]
    public void CommandsParse(string input, string name, string args)
    {
        Assert.True(SlashCommand.TryParse(input, out var c));
        Assert.Equal(new SlashCommand(name, args), c);
    }

    [Theory]
    [InlineData("/etc/hosts is odd")]
    [InlineData("// comment")]
    [InlineData("/ alone")]
    [InlineData("hello /help")]
    public void PathsAndProseAreMessages(string input) => Assert.False(SlashCommand.TryParse(input, out _));

    [Fact]
    public void CustomCommandsExpandArgumentsAndProjectOverridesUser()
    {
        var root = Directory.CreateTempSubdirectory("sov-cmds-").FullName;
        var user = Directory.CreateDirectory(Path.Combine(root, "user")).FullName;
        var project = Directory.CreateDirectory(Path.Combine(root, "project")).FullName;
        File.WriteAllText(Path.Combine(user, "review.md"), "user review of $ARGUMENTS");
        File.WriteAllText(Path.Combine(project, "review.md"), "Review $ARGUMENTS carefully.");
        File.WriteAllText(Path.Combine(user, "tests.md"), "Write tests.");
        File.WriteAllText(Path.Combine(user, "help.md"), "shadowing a built-in is ignored");

        var commands = new CustomCommands(user, project);

        Assert.Equal("Review src/a.cs carefully.", commands.Expand(new SlashCommand("review", "src/a.cs")));
        Assert.Equal("Write tests.\n\nfor b.cs", commands.Expand(new SlashCommand("tests", "for b.cs")));
        Assert.Null(commands.Expand(new SlashCommand("help", "")));
        Assert.Null(commands.Expand(new SlashCommand("nope", "")));
    }
}
