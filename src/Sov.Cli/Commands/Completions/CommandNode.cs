namespace Sov.Cli.Commands.Completions;

/// <summary>One command of the tree as completions and the man page see it: "sov audit verify", what it offers.</summary>
internal sealed record CommandNode(
    string Path,
    string Description,
    IReadOnlyList<CommandNode> Subcommands,
    IReadOnlyList<OptionNode> Options,
    IReadOnlyList<string> Arguments)
{
    /// <summary>The last word of <see cref="Path"/>: what is typed to reach this command.</summary>
    public string Name => Path[(Path.LastIndexOf(' ') + 1)..];

    /// <summary>This command and every command below it, parents first.</summary>
    public IEnumerable<CommandNode> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Subcommands)
        {
            foreach (var node in child.SelfAndDescendants())
            {
                yield return node;
            }
        }
    }
}
