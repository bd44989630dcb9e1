using System.Diagnostics;
using Sov.Cli.Commands.Completions;
using Sov.TestKit;

namespace Sov.Tests.Cli.Completions;

/// <summary>
/// #20: the generated completion scripts parse in their shells (zsh and fish when installed; a test that needs one
/// that is missing says so and passes) and complete what the command tree holds: subcommands, nested subcommands,
/// an option's fixed values.
/// </summary>
public sealed class CompletionScriptTests
{
    private static readonly CommandNode Tree = CommandTreeTests.Tree();

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    public async Task TheScriptParsesInItsShell(string shell)
    {
        if (Which(shell) is null)
        {
            Assert.Skip($"{shell} is not installed");
        }

        var script = shell switch
        {
            "bash" => BashCompletion.Generate(Tree, "0.0.0"),
            "zsh" => ZshCompletion.Generate(Tree, "0.0.0"),
            _ => FishCompletion.Generate(Tree, "0.0.0"),
        };
        var file = Path.Combine(Directory.CreateTempSubdirectory("sov-completions-").FullName, "sov." + shell);
        await File.WriteAllTextAsync(file, script, TestContext.Current.CancellationToken);
        var result = await Run(shell, ["-n", file]);
        Assert.True(result.ExitCode == 0, $"{shell} -n: {result.Stderr}");
    }

    [Theory]
    [InlineData("sov au", "audit")]
    [InlineData("sov audit ver", "verify")]
    [InlineData("sov exec --mode ", "auto-edit")]
    [InlineData("sov exec --", "--output-format")]
    [InlineData("sov audit verify --", "--debug")]
    public async Task BashCompletesFromTheTree(string line, string expected)
    {
        var dir = Directory.CreateTempSubdirectory("sov-completions-").FullName;
        var file = Path.Combine(dir, "sov.bash");
        await File.WriteAllTextAsync(file, BashCompletion.Generate(Tree, "0.0.0"), TestContext.Current.CancellationToken);
        var words = line.Split(' ');
        var array = string.Join(' ', words.Select(w => "'" + w + "'"));
        var probe = $"source '{file}'; COMP_WORDS=({array}); COMP_CWORD={words.Length - 1}; _sov; printf '%s\\n' \"${{COMPREPLY[@]}}\"";
        var result = await Run("bash", ["--norc", "-c", probe]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Stdout.Split('\n'));
    }

    private static async Task<SovResult> Run(string program, string[] args)
    {
        var start = new ProcessStartInfo(program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return await ChildProcess.RunAsync(start, "", TimeSpan.FromSeconds(30), program, TestContext.Current.CancellationToken);
    }

    private static string? Which(string program) =>
        "/usr/local/bin:/usr/bin:/bin".Split(':').Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
}
