using System.CommandLine;
using System.CommandLine.Completions;

namespace Sov.Cli.Commands.Completions;

/// <summary>
/// Walks the System.CommandLine tree of <c>sov</c> (the one <see cref="SovApp.BuildRoot"/> builds, so completions and the
/// man page never drift from the parser): every visible command with its visible options, including the recursive
/// options of its ancestors (<c>--debug</c>, <c>--help</c>), and the fixed values an option accepts.
/// </summary>
internal static class CommandTree
{
    public static CommandNode Walk(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return Walk(root, "sov", []);
    }

    private static CommandNode Walk(Command command, string path, IReadOnlyList<Option> inherited)
    {
        var own = command.Options.Where(o => !o.Hidden).ToList();
        var options = own.Select(o => Describe(o, inherited: false))
            .Concat(inherited.Where(i => !own.Any(o => o.Name == i.Name)).Select(i => Describe(i, inherited: true)))
            .Where(o => o.Names.Count > 0)
            .ToList();
        var passedOn = inherited.Concat(own.Where(o => o.Recursive)).ToList();
        var children = command.Subcommands.Where(c => !c.Hidden)
            .Select(c => Walk(c, $"{path} {c.Name}", passedOn))
            .ToList();
        var arguments = command.Arguments.Where(a => !a.Hidden).Select(a => a.Name).ToList();
        return new CommandNode(path, OneLine(command.Description), children, options, arguments);
    }

    private static OptionNode Describe(Option option, bool inherited)
    {
        // Only the Unix spellings: "/h" and "/?" are System.CommandLine's Windows aliases, and "-?" is a glob.
        var names = new[] { option.Name }.Concat(option.Aliases).Distinct(StringComparer.Ordinal)
            .Where(n => n.Length > 1 && n[0] == '-' && n.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            .ToList();
        var takesValue = option.ValueType != typeof(bool) && option.Arity.MaximumNumberOfValues > 0;
        var values = takesValue
            ? option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).Where(v => v.Length > 0).ToList()
            : [];
        var valueName = string.IsNullOrEmpty(option.HelpName) ? "value" : option.HelpName;
        return new OptionNode(names, OneLine(option.Description), takesValue, values, valueName, inherited);
    }

    private static string OneLine(string? text) =>
        string.Join(' ', (text ?? "").Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
