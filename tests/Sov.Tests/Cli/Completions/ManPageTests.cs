using Sov.Cli.Commands.Completions;

namespace Sov.Tests.Cli.Completions;

/// <summary>#20: sov(1) names every command of the tree, its exit codes and the managed policy file, and holds no date.</summary>
public sealed class ManPageTests
{
    [Fact]
    public void ThePageNamesEveryCommandTheExitCodesAndThePolicyFile()
    {
        var tree = CommandTreeTests.Tree();
        var page = ManPage.Generate(tree, "1.2.3", "/etc/sov/policy.toml");
        Assert.StartsWith(".TH SOV 1 \"\" \"sov 1.2.3\"", page, StringComparison.Ordinal);
        foreach (var node in tree.SelfAndDescendants().Skip(1))
        {
            Assert.Contains(".SS \"" + node.Path.Replace("-", "\\-", StringComparison.Ordinal), page, StringComparison.Ordinal);
        }

        Assert.Contains(".SH EXIT STATUS", page, StringComparison.Ordinal);
        Assert.Contains("/etc/sov/policy.toml.example", page, StringComparison.Ordinal);
        Assert.Contains("\\-\\-mode", page, StringComparison.Ordinal);
        Assert.DoesNotContain(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryLineIsTextOrAKnownMacro()
    {
        var page = ManPage.Generate(CommandTreeTests.Tree(), "1.2.3", "/etc/sov/policy.toml");
        string[] macros = [".TH", ".SH", ".SS", ".TP", ".B", ".BR", ".br", ".RS", ".RE"];
        foreach (var line in page.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l[0] is '.' or '\''))
        {
            Assert.Contains(line.Split(' ')[0], macros);
        }
    }
}
