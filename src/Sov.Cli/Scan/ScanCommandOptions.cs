using System.CommandLine;

namespace Sov.Cli.Scan;

/// <summary>The options of <c>sov scan</c> for teams: staged content, suppressions, baselines and the per-file cap.</summary>
internal sealed class ScanCommandOptions
{
    public Option<bool> Staged { get; } = new("--staged") { Description = "Scan the staged content of the git index (for a pre-commit hook), not the work tree" };

    public Option<string?> Baseline { get; } = new("--baseline") { Description = "Report only findings not accepted in this baseline file" };

    public Option<string?> WriteBaseline { get; } = new("--write-baseline") { Description = "Write every reported finding to this baseline file (and exit 0)" };

    public Option<bool> NoSuppress { get; } = new("--no-suppress") { Description = "Report everything: ignore sov-scan markers, .sovscan.toml and --baseline" };

    public Option<int> MaxPerFile { get; } = new("--max-per-file")
    {
        Description = "Findings shown per file; the rest are counted by category",
        DefaultValueFactory = _ => 100,
    };

    public void AddTo(Command command)
    {
        MaxPerFile.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--max-per-file must be at least 1.");
            }
        });
        command.Options.Add(Staged);
        command.Options.Add(Baseline);
        command.Options.Add(WriteBaseline);
        command.Options.Add(NoSuppress);
        command.Options.Add(MaxPerFile);
    }
}
