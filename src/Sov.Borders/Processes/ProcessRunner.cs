using System.Diagnostics;
using System.Text;

namespace Sov.Borders.Processes;

/// <summary>
/// The one door for starting programs. It takes an argument vector, never a shell string, and an
/// explicit environment: the child inherits nothing from Sovereign's own environment. The sandbox
/// (bubblewrap) is built on top of this door.
/// </summary>
public sealed class ProcessRunner
{
    /// <summary>How long the output of a program that has exited is waited for: a daemon it left may hold the pipes open.</summary>
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs a program to its end (killed with its tree past <paramref name="timeout"/>) and gives its exit code and output.
    /// Stdin is written while the program runs, so one that does not read it cannot outlast the timeout; output still
    /// held open by something the program left behind is waited for <see cref="OutputGrace"/>, then given as read so far.
    /// </summary>
    public async Task<ProcessResult> RunAsync(
        IReadOnlyList<string> argv,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout,
        string? standardInput = null,
        CancellationToken cancellationToken = default)
    {
        var start = StartInfo(argv, workingDirectory, environment);
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;

        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.Start();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var pumps = Task.WhenAll(PumpTextAsync(process.StandardOutput, stdout), PumpTextAsync(process.StandardError, stderr));
        var feeding = FeedAsync(process.StandardInput.BaseStream, standardInput, cancellationToken);
        var timedOut = await WaitOrKillAsync(process, timeout, cancellationToken).ConfigureAwait(false);
        await Settled(Task.WhenAll(feeding, pumps)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return new ProcessResult(process.ExitCode, Text(stdout), Text(stderr), clock.Elapsed, timedOut);
    }

    /// <summary>Waits <see cref="OutputGrace"/> at most for a task started alongside the program.</summary>
    private static async Task Settled(Task task)
    {
        try
        {
            await task.WaitAsync(OutputGrace, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }

    private static async Task PumpTextAsync(StreamReader reader, StringBuilder text)
    {
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            lock (text)
            {
                text.Append(buffer, 0, read);
            }
        }
    }

    private static string Text(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }

    /// <summary>
    /// Like <see cref="RunAsync"/>, but stdout and stderr feed one <see cref="BoundedOutput"/> as they
    /// arrive (head and tail kept, the middle counted), and stdin is closed at once.
    /// </summary>
    public async Task<BoundedProcessResult> RunBoundedAsync(
        IReadOnlyList<string> argv,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout,
        BoundedOutput output,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var start = StartInfo(argv, workingDirectory, environment);

        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.Start();
        process.StandardInput.Close();
        var pumps = Task.WhenAll(
            PumpAsync(process.StandardOutput.BaseStream, output),
            PumpAsync(process.StandardError.BaseStream, output));
        var timedOut = await WaitOrKillAsync(process, timeout, cancellationToken).ConfigureAwait(false);

        // A daemon left behind by an unsandboxed command may hold the pipes open; the sandbox's PID
        // namespace kills such leftovers when its first process exits.
        await Settled(pumps).ConfigureAwait(false);

        cancellationToken.ThrowIfCancellationRequested();
        return new BoundedProcessResult(process.ExitCode, output.Text(), output.DroppedBytes, clock.Elapsed, timedOut);
    }

    /// <summary>
    /// Runs a child that is given <paramref name="standardInput"/> and answers on stdout and stderr, kept apart and each
    /// bounded to its first <paramref name="maxBytes"/> (a hook). It leads a process group of its own, and at the timeout
    /// or on cancellation the whole group is killed (<see cref="ProcessGroup"/>), so nothing it started outlives it.
    /// Stdin is written while the child runs: one that never reads it still times out.
    /// </summary>
    public async Task<PipedProcessResult> RunPipedAsync(
        IReadOnlyList<string> argv,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        string standardInput,
        TimeSpan timeout,
        int maxBytes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(standardInput);
        var (grouped, isGroup) = ProcessGroup.Wrap(argv);
        var start = StartInfo(grouped, workingDirectory, environment);
        var (stdout, stderr) = (new BoundedOutput(maxBytes, 0), new BoundedOutput(maxBytes, 0));
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.Start();
        var pumps = Task.WhenAll(PumpAsync(process.StandardOutput.BaseStream, stdout), PumpAsync(process.StandardError.BaseStream, stderr));
        var feed = FeedAsync(process.StandardInput.BaseStream, standardInput, cancellationToken);
        var timedOut = await WaitOrKillAsync(process, timeout, cancellationToken, isGroup).ConfigureAwait(false);
        if (isGroup)
        {
            ProcessGroup.Kill(process.Id); // what it left running in its group goes with it
        }

        await Settled(Task.WhenAll(pumps, feed)).ConfigureAwait(false);

        cancellationToken.ThrowIfCancellationRequested();
        return new PipedProcessResult(process.ExitCode, stdout.Text(), stderr.Text(), clock.Elapsed, timedOut);
    }

    /// <summary>
    /// Writes stdin (UTF-8, when given) and closes it, while the program runs: a program that ended, or never reads it,
    /// ends the writing without an error.
    /// </summary>
    private static async Task FeedAsync(Stream stdin, string? input, CancellationToken cancellationToken)
    {
        try
        {
            if (input is not null)
            {
                await stdin.WriteAsync(Encoding.UTF8.GetBytes(input), cancellationToken).ConfigureAwait(false);
                await stdin.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // the program ended (or was ended) without reading it all
        }
        finally
        {
            try
            {
                stdin.Close();
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// Waits for the process to exit; on timeout or cancellation kills its whole tree (and, when it leads one, its
    /// process group) and waits for that. True when it was killed for taking too long (not for a cancellation).
    /// </summary>
    private static async Task<bool> WaitOrKillAsync(Process process, TimeSpan timeout, CancellationToken cancellationToken, bool group = false)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            return false;
        }
        catch (OperationCanceledException)
        {
            if (group)
            {
                ProcessGroup.Kill(process.Id);
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            return !cancellationToken.IsCancellationRequested;
        }
    }

    private static async Task PumpAsync(Stream stream, BoundedOutput output)
    {
        var buffer = new byte[16384];
        int read;
        while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            output.Add(buffer.AsSpan(0, read));
        }
    }

    /// <summary>argv without a shell, all three streams redirected, and only the given environment: nothing inherited.</summary>
    internal static ProcessStartInfo StartInfo(IReadOnlyList<string> argv, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(argv);
        ArgumentNullException.ThrowIfNull(environment);
        if (argv.Count == 0)
        {
            throw new ArgumentException("An argument vector needs at least the program.", nameof(argv));
        }

        var start = new ProcessStartInfo(argv[0])
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in argv.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }
}
