using Sov.Cli;
using Sov.Cli.Commands.Completions;
using Sov.Core;

namespace Sov.Tests.Cli.Completions;

/// <summary>#20: completions and the man page come from the parser's own tree, so they name every command it knows.</summary>
public sealed class CommandTreeTests
{
    private sealed class NoEnvironment : IEnvironment
    {
        public string? Get(string name) => null;
    }

    internal static System.CommandLine.RootCommand Root() => SovApp.BuildRoot(new CliContext(new NoEnvironment(), TextWriter.Null, TextWriter.Null));

    internal static CommandNode Tree() => CommandTree.Walk(Root());

    [Fact]
    public void EveryVisibleCommandIsInTheTreeAndTheHiddenOnesAreNot()
    {
        var root = Root();
        var paths = Tree().SelfAndDescendants().Select(n => n.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var command in root.Subcommands)
        {
            Assert.Equal(!command.Hidden, paths.Contains("sov " + command.Name));
        }

        Assert.Contains("sov audit verify", paths);
        Assert.Contains("sov version", paths);
        Assert.DoesNotContain("sov completions", paths);
    }

    [Fact]
    public void OptionsCarryTheirFixedValuesAndRecursiveOptionsReachEverySubcommand()
    {
        var exec = Tree().SelfAndDescendants().Single(n => n.Path == "sov exec");
        var mode = exec.Options.Single(o => o.Names.Contains("--mode"));
        Assert.True(mode.TakesValue);
        Assert.Contains("auto-edit", mode.Values);
        var verify = Tree().SelfAndDescendants().Single(n => n.Path == "sov audit verify");
        Assert.Contains(verify.Options, o => o.Names.Contains("--debug") && o.Inherited && !o.TakesValue);
        Assert.All(Tree().SelfAndDescendants().SelectMany(n => n.Options).SelectMany(o => o.Names),
            name => Assert.Matches("^-{1,2}[A-Za-z0-9][A-Za-z0-9-]*$", name));
    }
}
