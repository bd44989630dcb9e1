using System.Diagnostics;
using System.Text;
using Sov.Core.Scan;

namespace Sov.Borders.Git;

/// <summary>
/// The staged content of a git index, for <c>sov scan --staged</c>: the files added, copied, modified or renamed in the
/// index (not the work tree), read as blobs with <c>git cat-file --batch</c>. It runs the user's own git with the
/// environment as given (a pre-commit hook's <c>GIT_INDEX_FILE</c> and <c>GIT_DIR</c> must reach it).
/// </summary>
public static class GitStaged
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The repository's top folder and each staged file, its path in the index and its content, read as it is enumerated.</summary>
    public static async Task<(string TopLevel, IEnumerable<(string Path, byte[] Content)> Files)> ReadAsync(string workingDirectory, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var ct = timeout.Token;
        var (code, top) = await RunAsync(["rev-parse", "--show-toplevel"], workingDirectory, null, ct).ConfigureAwait(false);
        if (code != 0)
        {
            throw new ScanException($"{workingDirectory} is not inside a git work tree", "Run 'sov scan --staged' in a git repository (or scan paths without --staged).");
        }

        var root = Encoding.UTF8.GetString(top).TrimEnd('\n');
        var (diffCode, names) = await RunAsync(["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR", "--no-renames"], root, null, ct).ConfigureAwait(false);
        var (lsCode, stage) = await RunAsync(["ls-files", "--stage", "-z"], root, null, ct).ConfigureAwait(false);
        if (diffCode != 0 || lsCode != 0)
        {
            throw new ScanException("git could not list the staged files", "Check 'git status' works here.");
        }

        var staged = Split(names).ToHashSet(StringComparer.Ordinal);
        var entries = new List<(string Path, string Blob)>();
        foreach (var entry in Split(stage))
        {
            // "<mode> <object> <stage>\t<path>"; only regular files and symlinks' targets are text worth scanning
            var tab = entry.IndexOf('\t', StringComparison.Ordinal);
            var fields = entry[..tab].Split(' ');
            var path = entry[(tab + 1)..];
            if (staged.Contains(path) && fields[0] is "100644" or "100755" && fields[2] == "0")
            {
                entries.Add((path, fields[1]));
            }
        }

        if (entries.Count == 0)
        {
            return (root, []);
        }

        return (root, Blobs(root, entries, cancellationToken)); // read after this returns: not bound to the listing's timeout
    }

    /// <summary>
    /// The staged blobs, read one at a time from <c>git cat-file --batch</c> as the scan asks for them: memory holds the
    /// blob being scanned, never the whole index (#21: bounded whatever is staged). A blob git cannot find is skipped.
    /// </summary>
    private static IEnumerable<(string Path, byte[] Content)> Blobs(string root, List<(string Path, string Blob)> entries, CancellationToken ct)
    {
        using var process = Start(["cat-file", "--batch"], root, redirectInput: true);
        using var kill = ct.Register(() => Kill(process));
        try
        {
            var drain = process.StandardError.ReadToEndAsync(ct);
            var feed = Task.Run(async () =>
            {
                try
                {
                    foreach (var (_, blob) in entries)
                    {
                        await process.StandardInput.WriteAsync((blob + "\n").AsMemory(), ct).ConfigureAwait(false);
                    }
                }
                catch (IOException)
                {
                    // git ended early; its exit code says why
                }
                finally
                {
                    process.StandardInput.Close();
                }
            }, ct);
            var stdout = process.StandardOutput.BaseStream;
            foreach (var (path, _) in entries)
            {
                var header = ReadLine(stdout) ?? throw Stopped(ct);
                var fields = header.Split(' ');
                if (fields.Length != 3 || !long.TryParse(fields[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size))
                {
                    continue; // "<oid> missing": no content follows
                }

                if (size > Array.MaxLength)
                {
                    throw new ScanException($"{path} is staged with {size} bytes, more than one file sov scan can hold", "Scan it from the work tree instead: sov scan PATH.");
                }

                var content = new byte[size];
                try
                {
                    stdout.ReadExactly(content);
                    stdout.ReadExactly(new byte[1]); // the newline after each blob
                }
                catch (EndOfStreamException)
                {
                    throw Stopped(ct);
                }
                yield return (path, content);
            }

            feed.Wait(ct);
            if (!process.WaitForExit(Timeout) || process.ExitCode != 0)
            {
                throw new ScanException("git could not read the staged blobs", "Check 'git status' works here.");
            }

            drain.Wait(ct);
        }
        finally
        {
            Kill(process); // the scan stopped early, or git hangs: it never outlives the enumeration
        }
    }

    /// <summary>git's output ended early: interrupted (Ctrl+C reaches git too) or git failed.</summary>
    private static ScanException Stopped(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return new ScanException("git stopped before it gave every staged blob", "Check 'git status' works here.");
    }

    private static string? ReadLine(Stream stream)
    {
        var bytes = new List<byte>(64);
        for (var b = stream.ReadByte(); b >= 0; b = stream.ReadByte())
        {
            if (b == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray());
            }

            bytes.Add((byte)b);
        }

        return null;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already ended
        }
    }

    private static IEnumerable<string> Split(byte[] zeroSeparated) =>
        Encoding.UTF8.GetString(zeroSeparated).Split('\0', StringSplitOptions.RemoveEmptyEntries);

    private static async Task<(int Code, byte[] Output)> RunAsync(string[] args, string directory, string? input, CancellationToken cancellationToken)
    {
        using var process = Start(args, directory, input is not null);

        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
        var drain = process.StandardError.ReadToEndAsync(cancellationToken);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
        }

        try
        {
            await Task.WhenAll(copy, drain).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, output.ToArray());
    }

    private static Process Start(string[] args, string directory, bool redirectInput)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
            return process;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new ScanException($"git could not be started: {e.Message}", "Install git, or scan paths without --staged.");
        }
    }
}
