using System.Diagnostics;

namespace Sov.TestKit;

/// <summary>
/// Runs a program the tests start: stdin written then closed, stdout and stderr read whole, killed (with its children)
/// past the timeout. A program that exits while something it started still holds its output open (a build server, a
/// daemon) fails the test after a short grace instead of waiting for that output for ever.
/// </summary>
public static class ChildProcess
{
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(20);

    public static async Task<SovResult> RunAsync(ProcessStartInfo start, string? stdin, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var feeding = FeedAsync(process.StandardInput, stdin); // alongside the wait: a program that does not read cannot hold the test
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} did not finish in time.");
        }

        try
        {
            await Task.WhenAll(stdout, stderr, feeding).WaitAsync(OutputGrace, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{what} exited, but something it started still holds its output open after {OutputGrace.TotalSeconds} s.");
        }

        return new SovResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    private static async Task FeedAsync(StreamWriter input, string? text)
    {
        try
        {
            if (text is not null)
            {
                await input.WriteAsync(text).ConfigureAwait(false);
            }

            input.Close();
        }
        catch (IOException)
        {
            // the program ended without reading all of it
        }
    }
}
