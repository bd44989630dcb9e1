using System.CommandLine;
using Sov.Cli.Watch;

namespace Sov.Cli.Commands;

/// <summary>
/// <c>sov watch [options] -- COMMAND [ARGS...]</c>: runs another tool under observation and reports what it
/// looked up, reached, read, ran and hid (docs/watch.md). Exit 0, or 1 when a <c>--fail-on</c> category was
/// flagged; 2 on a usage error; 3 when strace (or, contained, bubblewrap) is missing or cannot trace here.
/// </summary>
internal static class WatchCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Argument<string[]>("COMMAND")
        {
            Description = "The command to watch and its arguments, after --",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format") { Description = "Report format: text, json, md or sarif", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "md", "sarif");
        var output = new Option<string?>("--out") { Description = "Write the report to FILE instead of stdout" };
        var failOn = new Option<string[]>("--fail-on")
        {
            Description = "Exit 1 when one of these categories is flagged: hosts, hardcoded, machine-reads, hidden, processes (repeat or comma-separate)",
            AllowMultipleArgumentsPerToken = false,
        };
        var expect = new Option<string[]>("--expect") { Description = "HOST:PORT the command is meant to reach (listed, not flagged); repeatable" };
        var allow = new Option<string[]>("--allow") { Description = "Contain: run in a network namespace where only these HOST:PORT endpoints are reachable; repeatable" };
        var compare = new Option<string[]>("--compare") { Description = "Print a side-by-side table of JSON reports instead of running a command", AllowMultipleArgumentsPerToken = true };

        var relayInside = new Option<string[]>("--relay-inside") { Hidden = true, Description = "Internal: contain mode's relay inside the namespace" };

        var watch = new Command("watch", "Run another tool under observation: what it looks up, reaches, reads, runs and hides");
        watch.Arguments.Add(command);
        foreach (var option in new Option[] { format, output, failOn, expect, allow, compare, relayInside })
        {
            watch.Options.Add(option);
        }

        watch.SetAction(async (parse, cancellationToken) =>
        {
            var options = new WatchOptions(
                parse.GetValue(command) ?? [],
                parse.GetValue(format) ?? "text",
                parse.GetValue(output),
                parse.GetValue(failOn) ?? [],
                parse.GetValue(expect) ?? [],
                parse.GetValue(allow) ?? [],
                parse.GetValue(compare) ?? [],
                parse.GetValue(relayInside) ?? []);
            return await WatchFrontDoor.RunAsync(options, context, cancellationToken).ConfigureAwait(false);
        });
        return watch;
    }
}
