using System.Text.RegularExpressions;
using Sov.Cli;
using Sov.Core;
using Sov.Core.Config;

namespace Sov.Tests.Cli;

/// <summary>
/// #15.10: the README stays true. Every fenced TOML block parses and holds only keys sov reads; every
/// <c>sov …</c> command line in it parses with the real command line (placeholders filled in); every link
/// points at a file of this repository. (The two set-up commands run in CI and in InstallScriptTests.)
/// </summary>
public sealed partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(Sov.TestKit.SovBinary.RepositoryRoot, "README.md"));

    private static IEnumerable<(string Language, string[] Lines)> Blocks()
    {
        var lines = Readme.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var language = lines[i][3..].Trim();
            var end = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
            yield return (language, lines[(i + 1)..end]);
            i = end;
        }
    }

    [Fact]
    public void EveryTomlBlockParsesAndHoldsOnlyKeysSovReads()
    {
        var blocks = Blocks().Where(b => b.Language == "toml").ToList();
        Assert.NotEmpty(blocks);
        foreach (var (_, lines) in blocks)
        {
            // #14: through the one loader, so every key's type is checked too
            Assert.Empty(SovConfigReader.FromText(string.Join('\n', lines), Path.GetFullPath("README.md")).Warnings);
        }
    }

    [Fact]
    public void EverySovCommandLineParses()
    {
        var commands = Blocks().Where(b => b.Language.Length == 0).SelectMany(b => b.Lines)
            .Select(l => l.Split(" # ")[0].Split(" | ").Select(s => s.Trim()).FirstOrDefault(s => s.StartsWith("sov ", StringComparison.Ordinal)))
            .OfType<string>().ToList();
        Assert.True(commands.Count >= 15, $"only {commands.Count} sov command lines found");
        var root = SovApp.BuildRoot(new CliContext(new NoEnvironment(), TextWriter.Null, TextWriter.Null));
        foreach (var command in commands)
        {
            var args = Words(Optional().Replace(command, "")).Skip(1)
                .Select(w => w.Contains('|', StringComparison.Ordinal) ? w.Split('|')[0] : w) // a|b: the first
                .Select(w => Placeholder().IsMatch(w) ? "1" : w)                               // SEQ, ID: a value
                .ToArray();
            var parsed = root.Parse(Sov.Cli.Commands.ExecCommand.RewriteRootAlias(args, root.Subcommands.Select(c => c.Name)));
            Assert.True(parsed.Errors.Count == 0, $"README: '{command}' does not parse: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
        }
    }

    [Fact]
    public void EveryLinkPointsIntoThisRepository()
    {
        foreach (Match link in Link().Matches(Readme))
        {
            var target = link.Groups[1].Value;
            if (target.StartsWith("http", StringComparison.Ordinal) || target.StartsWith('#'))
            {
                continue;
            }

            Assert.DoesNotContain("..", target, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(Sov.TestKit.SovBinary.RepositoryRoot, target.Split('#')[0])), $"README links to missing {target}");
        }
    }

    private static IEnumerable<string> Words(string line) =>
        Word().Matches(line).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Value);

    [GeneratedRegex("\"([^\"]*)\"|\\S+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\[[^\]""]*\]")]
    private static partial Regex Optional();

    [GeneratedRegex("^[A-Z]+$")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    private sealed class NoEnvironment : IEnvironment
    {
        public string? Get(string name) => null;
    }
}
