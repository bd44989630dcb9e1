using Sov.Core;
using Sov.Core.Watch;

namespace Sov.Cli.Watch;

/// <summary>
/// Checks the <c>sov watch</c> command line, runs the watch (observed, or contained with <c>--allow</c>),
/// prints the report, and maps it to the exit code: 1 when a <c>--fail-on</c> category is flagged.
/// </summary>
internal static class WatchFrontDoor
{
    public static async Task<int> RunAsync(WatchOptions options, CliContext context, CancellationToken cancellationToken)
    {
        var failOn = new List<WatchCategory>();
        foreach (var name in options.FailOn.SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!WatchCategories.TryParse(name, out var category))
            {
                return await UsageAsync(context, $"unknown --fail-on category '{name}'.", $"Use one or more of: {string.Join(", ", WatchCategories.Names)}.").ConfigureAwait(false);
            }

            failOn.Add(category);
        }

        foreach (var endpoint in options.Expect.Concat(options.Allow))
        {
            if (!ExpectedEndpoints.TryParse(endpoint, out _, out _))
            {
                return await UsageAsync(context, $"'{endpoint}' is not HOST:PORT.", "Give an endpoint as HOST:PORT, e.g. --allow 127.0.0.1:8080.").ConfigureAwait(false);
            }
        }

        if (options.Compare.Count > 0)
        {
            using var table = new StringWriter();
            await WatchCompare.WriteAsync([.. options.Compare, .. options.Command], table, cancellationToken).ConfigureAwait(false);
            await WriteTextAsync(table.ToString(), options.Out, context, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        if (options.Command.Count == 0)
        {
            return await UsageAsync(context, "no command to watch.", "Give it after --, e.g. sov watch -- mytool --flag.").ConfigureAwait(false);
        }

        if (options.RelayInside.Count > 0)
        {
            return await global::Sov.Borders.Watch.InsideRelay.RunAsync(options.RelayInside, options.Command, cancellationToken).ConfigureAwait(false);
        }

        var plan = ContainPlan.Build(options.Allow, out var unfit);
        if (unfit is not null)
        {
            return await UsageAsync(context, unfit, "Allow HOST:PORT with a host name or a loopback address.").ConfigureAwait(false);
        }

        var request = new WatchRequest(options.Command, Directory.GetCurrentDirectory(), [.. options.Expect, .. options.Allow], options.Allow.Count > 0);
        WatchReport report;
        using (var echo = Console.OpenStandardError())
        {
            report = request.Contain
                ? await ContainedWatch.RunAsync(request, plan, context, echo, cancellationToken).ConfigureAwait(false)
                : await WatchRunner.RunAsync(request, echo, cancellationToken).ConfigureAwait(false);
        }

        // An interrupted watch (Ctrl-C, a timeout) still writes what it saw: the command was stopped, not the report.
        var stopped = cancellationToken.IsCancellationRequested;
        if (stopped)
        {
            await context.Error.WriteLineAsync("sov watch: interrupted; the command was stopped, and the report covers what it did until then.").ConfigureAwait(false);
        }

        await WriteAsync(report, options, context, CancellationToken.None).ConfigureAwait(false);
        return stopped ? ExitCodes.Interrupted : report.Fails(failOn) ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static async Task WriteAsync(WatchReport report, WatchOptions options, CliContext context, CancellationToken cancellationToken)
    {
        using var text = new StringWriter();
        switch (options.Format)
        {
            case "json":
                await WatchJsonPrinter.WriteAsync(report, text).ConfigureAwait(false);
                break;
            case "md":
                await WatchMarkdownPrinter.WriteAsync(report, text).ConfigureAwait(false);
                break;
            case "sarif":
                await WatchSarifPrinter.WriteAsync(report, text, VersionInfo.Version).ConfigureAwait(false);
                break;
            default:
                await WatchTextPrinter.WriteAsync(report, text).ConfigureAwait(false);
                break;
        }

        await WriteTextAsync(text.ToString(), options.Out, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>To stdout, or to <paramref name="target"/> whole or not at all.</summary>
    private static async Task WriteTextAsync(string report, string? target, CliContext context, CancellationToken cancellationToken)
    {
        if (target is null)
        {
            await context.Out.WriteAsync(report).ConfigureAwait(false);
            await context.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        // Whole or nothing: written beside the target, then moved over it.
        var full = Path.GetFullPath(target);
        var temporary = full + ".sov-tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, report, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new SovException($"could not write the report to {target}: {e.Message}", "Choose a writable path for --out.", ExitCodes.Environment);
        }
    }

    private static async Task<int> UsageAsync(CliContext context, string problem, string remedy)
    {
        await context.Error.WriteLineAsync($"sov watch: {Terminal.TerminalSafe.Line(problem)}").ConfigureAwait(false);
        await context.Error.WriteLineAsync($"  {remedy}").ConfigureAwait(false);
        return ExitCodes.Usage;
    }
}
