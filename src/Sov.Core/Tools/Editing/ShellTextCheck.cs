using System.Text;
using Sov.Core.Audit.Records;
using Sov.Core.Files;
using Sov.Core.Text;
using Sov.Core.Tools.Search;

namespace Sov.Core.Tools.Editing;

/// <summary>
/// The text border after a shell command (#21): the files it changed or created in the workspace are inspected as
/// write_file's and edit_file's text is (same classifier, medium and above). Bounded: at most <see cref="MaxFiles"/> files,
/// each read through the file border only when it is a regular file (never a link, FIFO or device) of at most
/// <see cref="MaxFileBytes"/> that is not binary; a file over the limit, binary (a NUL in its first 8 KiB) or not text is
/// named as not checked, and files past <see cref="MaxFiles"/> are counted. The command has run: findings are
/// reported (the result the model sees, a warning the person sees, a journal record each), never undone here.
/// </summary>
internal static class ShellTextCheck
{
    public const int MaxFiles = 50;
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>Findings listed in the text for the model and the person; all are journaled (up to <see cref="MaxRecords"/>).</summary>
    private const int Listed = 10;
    private const int MaxRecords = 200;

    /// <summary>The findings in the changed files, path by path.</summary>
    public static (IReadOnlyList<(string Path, TextFinding Finding)> Findings, int Unchecked) Inspect(Workspace workspace, IReadOnlyList<string> changed, CancellationToken cancellationToken) =>
        Inspect(workspace, changed, [], cancellationToken);

    /// <param name="skipped">Gets each changed file that was not checked, with why (#21: never skipped in silence).</param>
    public static (IReadOnlyList<(string Path, TextFinding Finding)> Findings, int Unchecked) Inspect(Workspace workspace, IReadOnlyList<string> changed,
        List<(string Path, string Why)> skipped, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skipped);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(changed);
        var findings = new List<(string, TextFinding)>();
        var notChecked = Math.Max(0, changed.Count - MaxFiles);
        foreach (var relative in changed.Take(MaxFiles))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Read(workspace, relative, out var why) is not { } text)
            {
                if (why is not null)
                {
                    skipped.Add((relative, why));
                }

                continue;
            }

            findings.AddRange(TextBorder.Inspect(text, SourceKinds.FromPath(relative), Severity.Medium).Select(f => (relative, f)));
        }

        return (findings, notChecked);
    }

    /// <summary>The note naming the changed files that were not checked (the first few), or "" when every one was.</summary>
    public static string NotChecked(IReadOnlyList<(string Path, string Why)> skipped, int overLimit)
    {
        ArgumentNullException.ThrowIfNull(skipped);
        var named = skipped.Take(Listed).Select(s => $"{s.Path} ({s.Why})").ToList();
        var more = skipped.Count - named.Count + overLimit;
        if (more > 0)
        {
            named.Add($"{more} more changed file(s)");
        }

        return named.Count == 0 ? "" : "not checked for hidden characters: " + string.Join(", ", named);
    }

    /// <summary>One line per finding for the model and the person (the first few), with what to do; null when nothing was found.</summary>
    public static string? Describe(IReadOnlyList<(string Path, TextFinding Finding)> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder($"The command has run, and files it changed hold {findings.Count} hidden or irregular character(s) (text border):");
        foreach (var (path, f) in findings.Take(Listed))
        {
            text.Append($"\n  {path} line {f.Line}, column {f.Column}: {f.CodePointText} {TextCategories.Name(f.Category)} ({Severities.Name(f.Severity)}): {f.Message}");
        }

        if (findings.Count > Listed)
        {
            text.Append($"\n  ... and {findings.Count - Listed} more");
        }

        var files = string.Join(" ", findings.Select(f => f.Path).Distinct(StringComparer.Ordinal).Take(Listed).Select(ShellQuoting.FileName));
        text.Append($"\nRemove them with: sov scan --no-suppress --fix {files}\nor undo this turn (/undo, sov undo).");
        return text.ToString();
    }

    /// <summary>The journal records for the findings (file, category, code point, position, severity), at most <see cref="MaxRecords"/>.</summary>
    public static IEnumerable<ShellTextFindingRecord> Records(IReadOnlyList<(string Path, TextFinding Finding)> findings) =>
        findings.Take(MaxRecords).Select(f => new ShellTextFindingRecord(f.Path, TextCategories.Name(f.Finding.Category), f.Finding.CodePointText,
            f.Finding.Line, f.Finding.Column, Severities.Name(f.Finding.Severity)));

    /// <summary>The text of a changed regular file through the border, or null (gone, a link, special, too big, binary, not text).</summary>
    private static string? Read(Workspace workspace, string relative, out string? why)
    {
        why = null;
        try
        {
            var path = workspace.Inspect(relative);
            if (!path.Inside || workspace.Files.ReadLink(path.FullPath) is not null || workspace.Files.Kind(path.FullPath) != FileKind.File)
            {
                return null; // deleted, a folder, a link (never followed), a FIFO, socket or device (never opened)
            }

            using var stream = workspace.OpenRead(path); // opens without waiting and refuses what is not a regular file
            if (stream.Length > MaxFileBytes)
            {
                why = "over 1 MiB";
                return null;
            }

            if (TextFile.LooksBinary(stream))
            {
                why = "binary: a NUL byte in its first 8 KiB";
                return null;
            }

            var bytes = new byte[stream.Length];
            var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            var text = TextFormat.Decode(bytes.AsSpan(0, read))?.Text;
            why = text is null ? "not text in an encoding it knows" : null;
            return text;
        }
        catch (Exception e) when (e is WorkspaceException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
