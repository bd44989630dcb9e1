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

    /// <summary>The repository's top folder and each staged file: its path in the index and its content.</summary>
    public static async Task<(string TopLevel, IReadOnlyList<(string Path, byte[] Content)> Files)> ReadAsync(string workingDirectory, CancellationToken cancellationToken)
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

        var input = string.Concat(entries.Select(e => e.Blob + "\n"));
        var (catCode, blobs) = await RunAsync(["cat-file", "--batch"], root, input, ct).ConfigureAwait(false);
        if (catCode != 0)
        {
            throw new ScanException("git could not read the staged blobs", "Check 'git status' works here.");
        }

        return (root, Parse(blobs, entries));
    }

    /// <summary>Parses <c>cat-file --batch</c> output: "&lt;oid&gt; blob &lt;size&gt;\n&lt;content&gt;\n" per object, in order.</summary>
    private static List<(string Path, byte[] Content)> Parse(byte[] output, List<(string Path, string Blob)> entries)
    {
        var files = new List<(string, byte[])>(entries.Count);
        var at = 0;
        foreach (var (path, _) in entries)
        {
            var end = Array.IndexOf(output, (byte)'\n', at);
            var header = Encoding.ASCII.GetString(output, at, end - at).Split(' ');
            var size = header.Length == 3 ? int.Parse(header[2], System.Globalization.CultureInfo.InvariantCulture) : 0;
            files.Add((path, output.AsSpan(end + 1, size).ToArray()));
            at = end + 1 + size + 1;
        }

        return files;
    }

    private static IEnumerable<string> Split(byte[] zeroSeparated) =>
        Encoding.UTF8.GetString(zeroSeparated).Split('\0', StringSplitOptions.RemoveEmptyEntries);

    private static async Task<(int Code, byte[] Output)> RunAsync(string[] args, string directory, string? input, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ScanException($"git could not be started: {e.Message}", "Install git, or scan paths without --staged.");
        }

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
}
