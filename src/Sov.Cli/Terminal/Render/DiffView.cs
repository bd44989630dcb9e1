using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Sov.Cli.Terminal.Render;

/// <summary>
/// A file change as a coloured unified diff (DiffPlex line diff): hunks with three lines of context,
/// '+' lines green, '-' lines red. Used for approvals and for edits after they happen. The path is one row and
/// each line of the files keeps its '+', '-' or ' ' on every row it takes (issue #12).
/// </summary>
public static class DiffView
{
    private const int Context = 3;

    public static void Write(TerminalSurface surface, string path, string? before, string after)
    {
        ArgumentNullException.ThrowIfNull(surface);
        surface.Row(before is null ? "--- " : "--- a/", before is null ? "/dev/null" : path, Style.Removed);
        surface.Row("+++ b/", path, Style.Added);
        var model = InlineDiffBuilder.Diff(WithoutFinalNewline(before ?? ""), WithoutFinalNewline(after), ignoreWhiteSpace: false, ignoreCase: false, new LineChunker());
        var lines = model.Lines;
        var shown = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type is ChangeType.Inserted or ChangeType.Deleted)
            {
                for (var j = Math.Max(0, i - Context); j <= Math.Min(lines.Count - 1, i + Context); j++)
                {
                    shown[j] = true;
                }
            }
        }

        var oldLine = 1;
        var newLine = 1;
        var i2 = 0;
        while (i2 < lines.Count)
        {
            if (!shown[i2])
            {
                Advance(lines[i2].Type, ref oldLine, ref newLine);
                i2++;
                continue;
            }

            var end = i2;
            while (end < lines.Count && shown[end])
            {
                end++;
            }

            var oldCount = lines.Skip(i2).Take(end - i2).Count(l => l.Type != ChangeType.Inserted);
            var newCount = lines.Skip(i2).Take(end - i2).Count(l => l.Type != ChangeType.Deleted);
            // As diff -u: an empty side names the line before it (a new file is "-0,0").
            surface.WriteLine($"@@ -{(oldCount == 0 ? oldLine - 1 : oldLine)},{oldCount} +{(newCount == 0 ? newLine - 1 : newLine)},{newCount} @@", Style.Hunk);
            for (; i2 < end; i2++)
            {
                var line = lines[i2];
                var (mark, style) = line.Type switch
                {
                    ChangeType.Inserted => ("+", Style.Added),
                    ChangeType.Deleted => ("-", Style.Removed),
                    _ => (" ", Style.Plain),
                };
                FencedRows.Lines(surface, mark, line.Text, style);
                Advance(line.Type, ref oldLine, ref newLine);
            }
        }
    }

    private static string WithoutFinalNewline(string text) => text.EndsWith('\n') ? text[..^1] : text;

    private static void Advance(ChangeType type, ref int oldLine, ref int newLine)
    {
        if (type != ChangeType.Inserted)
        {
            oldLine++;
        }

        if (type != ChangeType.Deleted)
        {
            newLine++;
        }
    }
}
