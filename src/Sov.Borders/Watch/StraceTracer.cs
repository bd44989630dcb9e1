using System.Diagnostics;
using Sov.Core;

namespace Sov.Borders.Watch;

/// <summary>
/// Runs a command, its whole process tree, under Debian's <c>strace -f -v -yy -xx</c> and hands back the
/// log for Sov.Core to read. The command gets the person's own environment and terminal input (it is the tool
/// being audited, run as they would run it); its stdout and stderr are copied to Sovereign's stderr as they
/// come, and kept (up to 16 MiB each) for the hidden-text scan. The log, which holds the bytes the command
/// sent, lives in a private folder removed before this returns.
/// </summary>
public static class StraceTracer
{
    public const string InstallHint = "Install strace: sudo apt-get install strace (Debian/Ubuntu) or sudo dnf install strace (Fedora).";

    private const int OutputCap = 16 << 20;

    /// <summary>The calls traced: files opened and probed, programs executed, everything that moves bytes over a socket.</summary>
    internal const string TracedCalls =
        "trace=execve,execveat,open,openat,openat2,creat,stat,lstat,newfstatat,statx,access,faccessat,faccessat2,readlink,readlinkat,"
        + "rename,renameat,renameat2,connect,sendto,sendmsg,sendmmsg,write,writev,pwrite64,recvfrom,recvmsg,recvmmsg,read,readv";

    /// <summary>strace on PATH (or the usual place), or null.</summary>
    public static string? Locate()
    {
        var path = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(dir => Path.Combine(dir, "strace"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The strace arguments in front of the command (the log path last before <c>--</c>).</summary>
    internal static List<string> Arguments(string log) =>
        ["-f", "-qq", "-v", "-yy", "-xx", "-s", "4096", "-e", "signal=none", "-e", TracedCalls, "-o", log, "--"];

    /// <param name="wrap">Given the private folder and the strace command line, the command line to start
    /// (contain mode puts bubblewrap and the inside relay in front); null starts strace directly.</param>
    public static async Task<TracedRun> RunAsync(
        IReadOnlyList<string> command, string workingDirectory, Stream echo, CancellationToken cancellationToken,
        Func<string, List<string>, List<string>>? wrap = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(echo);
        var strace = Locate() ?? throw new SovException("strace is not installed.", InstallHint, ExitCodes.Environment);
        var folder = Directory.CreateTempSubdirectory("sov-watch-");
        try
        {
            var log = Path.Combine(folder.FullName, "trace.log");
            List<string> traced = [strace, .. Arguments(log), .. command];
            var argv = wrap is null ? traced : wrap(folder.FullName, traced);
            var start = new ProcessStartInfo(argv[0])
            {
                WorkingDirectory = workingDirectory,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in argv.Skip(1))
            {
                start.ArgumentList.Add(arg);
            }

            using var process = new Process { StartInfo = start };
            try
            {
                process.Start();
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new SovException($"{argv[0]} could not start: {e.Message}.", InstallHint, ExitCodes.Environment);
            }

            var gate = new SemaphoreSlim(1, 1);
            // The pumps and the trace are read to their end even when the watch is interrupted: what the command did
            // until then is still reported (killing the tree closes its pipes).
            var stdout = PumpAsync(process.StandardOutput.BaseStream, echo, gate, CancellationToken.None);
            var stderr = PumpAsync(process.StandardError.BaseStream, echo, gate, CancellationToken.None);
            var stopped = false;
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                stopped = true;
            }

            var output = await stdout.ConfigureAwait(false);
            var errors = await stderr.ConfigureAwait(false);
            if (!File.Exists(log))
            {
                throw new SovException($"strace left no trace (exit {process.ExitCode}): {System.Text.Encoding.UTF8.GetString(errors).Trim()}",
                    "Check that ptrace is allowed here (kernel.yama.ptrace_scope, container seccomp) and that the command exists.", ExitCodes.Environment);
            }

            var lines = await File.ReadAllLinesAsync(log, CancellationToken.None).ConfigureAwait(false);
            return new TracedRun(stopped ? ExitCodes.Interrupted : process.ExitCode, lines, output, errors, stopped);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<byte[]> PumpAsync(Stream from, Stream echo, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        using var kept = new MemoryStream();
        var buffer = new byte[16384];
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await echo.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                await echo.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }

            kept.Write(buffer, 0, (int)Math.Min(read, Math.Max(0, OutputCap - kept.Length)));
        }

        return kept.ToArray();
    }
}
