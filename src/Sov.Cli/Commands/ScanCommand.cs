using System.CommandLine;
using Sov.Cli.Scan;
using Sov.Core;
using Sov.Core.Scan;
using Sov.Core.Text;

namespace Sov.Cli.Commands;

/// <summary>
/// <c>sov scan [PATH...]</c>: the text border pointed at files and trees (or the staged content of the git index).
/// Exit 0 when nothing unsuppressed at or above <c>--fail-on</c> is left, 1 when something is, 2 on a usage error,
/// 3 when <c>.sovscan.toml</c> or the baseline cannot be used.
/// </summary>
internal static class ScanCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files and folders to scan (default: the current folder)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        paths.Validators.Add(result =>
        {
            // An unknown option would otherwise be taken for a path; a file named "-x" can be given as "./-x".
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
            {
                result.AddError($"Unrecognized option '{token.Value}'.");
            }
        });
        var format = new Option<string>("--format")
        {
            Description = "Output format: text, json, sarif or github (workflow annotations)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when a finding at or above this severity is found: info, low, medium, high, critical",
            DefaultValueFactory = _ => "medium",
        };
        failOn.AcceptOnlyFromAmong("info", "low", "medium", "high", "critical");
        var all = new Option<bool>("--all") { Description = "Include info findings (emoji sequences, BOMs, trailing whitespace...)" };
        var noIgnore = new Option<bool>("--no-ignore") { Description = "Do not honour .gitignore files" };
        var fix = new Option<bool>("--fix")
        {
            Description = "Rewrite files atomically, removing or replacing what was flagged at or above --fail-on",
        };
        var versionInfo = new Option<bool>("--version-info") { Description = "Print the Unicode and ICU data versions and exit" };
        var ops = new ScanCommandOptions();

        var command = new Command("scan", "Scan files for hidden Unicode, bidi tricks and control sequences");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.Options.Add(failOn);
        command.Options.Add(all);
        command.Options.Add(noIgnore);
        command.Options.Add(fix);
        command.Options.Add(versionInfo);
        ops.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(versionInfo))
            {
                await context.Out.WriteLineAsync(
                    $"sov {VersionInfo.Version}: Unicode {UnicodeData.UnicodeVersion} (UCD tables generated from Debian unicode-data), confusable skeletons from ICU {UnicodeData.IcuVersion} uspoof (generated table)")
                    .ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            Severities.TryParse(parse.GetValue(failOn), out var threshold);
            var options = new ScanOptions
            {
                Paths = parse.GetValue(paths) ?? [],
                NoIgnore = parse.GetValue(noIgnore),
                IncludeInfo = parse.GetValue(all) || threshold == Severity.Info,
                FailOn = threshold,
                Fix = parse.GetValue(fix),
            };
            ScanReport report;
            try
            {
                report = await ScanCommandRun.RunAsync(context, parse, ops, options, parse.GetValue(format) ?? "text", cancellationToken).ConfigureAwait(false);
            }
            catch (SovException e) when (e is ScanException or ScanConfigException)
            {
                // System.CommandLine's own handler would print a stack trace: say it in two lines instead.
                await context.Error.WriteLineAsync($"sov scan: {TextBorder.Reveal(e.Message)}").ConfigureAwait(false);
                await context.Error.WriteLineAsync($"  {e.Remedy}").ConfigureAwait(false);
                return e.ExitCode;
            }

            foreach (var problem in report.Problems)
            {
                await context.Error.WriteLineAsync($"sov scan: {TextBorder.Reveal(problem)}").ConfigureAwait(false);
            }

            await context.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            return report.Failed && parse.GetValue(ops.WriteBaseline) is null ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
