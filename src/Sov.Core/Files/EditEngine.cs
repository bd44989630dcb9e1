using System.Globalization;
using System.Text;

namespace Sov.Core.Files;

/// <summary>
/// The edit_file engine. An exact match of <c>old_string</c> must be unique unless <c>replace_all</c>.
/// Without an exact match it tries once more ignoring whitespace differences (indentation, trailing
/// spaces, runs of blanks) line by line, and uses that only when exactly one place matches, saying which
/// lines it matched. Every error says what to do next.
/// </summary>
public static class EditEngine
{
    public static EditResult Apply(string text, string oldString, string newString, bool replaceAll, string lineEnding = "\n")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(oldString);
        ArgumentNullException.ThrowIfNull(newString);
        if (oldString.Length == 0)
        {
            return EditResult.Fail("old_string is empty. To create or overwrite a whole file use write_file; to insert text, put the neighbouring lines in old_string and repeat them in new_string.");
        }

        if (oldString == newString)
        {
            return EditResult.Fail("old_string and new_string are identical, so nothing would change. Put the replacement text in new_string.");
        }

        // Match in the file's own line endings.
        if (lineEnding != "\n")
        {
            oldString = TextFormat.WithLineEnding(oldString, lineEnding);
            newString = TextFormat.WithLineEnding(newString, lineEnding);
        }

        var positions = Occurrences(text, oldString);
        if (positions.Count > 1 && !replaceAll)
        {
            var lines = string.Join(", ", positions.Take(10).Select(p => LineOf(text, p).ToString(CultureInfo.InvariantCulture)));
            return EditResult.Fail($"old_string occurs {positions.Count} times (at lines {lines}). Include more surrounding lines in old_string so it matches exactly one place, or set replace_all to true to change every occurrence.");
        }

        if (positions.Count > 0)
        {
            return new EditResult(true, text.Replace(oldString, newString, StringComparison.Ordinal), positions.Count,
                positions.Count == 1 ? "replaced 1 occurrence" : $"replaced {positions.Count} occurrences");
        }

        return Tolerant(text, oldString, newString, lineEnding);
    }

    private static EditResult Tolerant(string text, string oldString, string newString, string lineEnding)
    {
        var fileLines = text.Split('\n');
        var oldLines = TrimBlankEdges(oldString.Split('\n'));
        if (oldLines.Count == 0)
        {
            return EditResult.Fail("old_string contains only whitespace. Copy the exact text to replace from the file.");
        }

        var wanted = oldLines.Select(Normalise).ToList();
        var matches = new List<int>();
        for (var start = 0; start + wanted.Count <= fileLines.Length; start++)
        {
            var all = true;
            for (var k = 0; k < wanted.Count && all; k++)
            {
                all = Normalise(fileLines[start + k]) == wanted[k];
            }

            if (all)
            {
                matches.Add(start);
            }
        }

        if (matches.Count == 0)
        {
            return EditResult.Fail(NotFound(fileLines, oldLines));
        }

        if (matches.Count > 1)
        {
            return EditResult.Fail($"old_string was not found exactly, and ignoring whitespace it matches {matches.Count} places (lines {string.Join(", ", matches.Take(10).Select(m => m + 1))}). Copy the text exactly from the file, with more surrounding lines.");
        }

        var first = matches[0];
        var matched = fileLines.Skip(first).Take(wanted.Count).ToList();
        var replacement = Reindent(TrimBlankEdges(newString.Split('\n')), Indent(oldLines[0]), Indent(matched[0]));
        var keepCr = matched[^1].EndsWith('\r');
        var replacementText = string.Join('\n', replacement.Select(l => l.TrimEnd('\r') + (lineEnding == "\r\n" ? "\r" : "")));
        if (!keepCr && replacementText.EndsWith('\r'))
        {
            replacementText = replacementText[..^1];
        }

        var result = new StringBuilder();
        result.AppendJoin('\n', fileLines.Take(first));
        if (first > 0)
        {
            result.Append('\n');
        }

        result.Append(replacementText);
        if (first + wanted.Count < fileLines.Length)
        {
            result.Append('\n').AppendJoin('\n', fileLines.Skip(first + wanted.Count));
        }

        var note = $"old_string did not match exactly; matched lines {first + 1}-{first + wanted.Count} ignoring whitespace differences:\n{string.Join('\n', matched.Select(l => l.TrimEnd('\r')))}";
        return new EditResult(true, result.ToString(), 1, "replaced 1 occurrence (whitespace-tolerant match)", note);
    }

    private static string NotFound(string[] fileLines, List<string> oldLines)
    {
        var firstLine = oldLines.Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        var near = Array.FindIndex(fileLines, l => l.Trim().Length > 0 && (l.Contains(firstLine, StringComparison.Ordinal) || firstLine.Contains(l.Trim(), StringComparison.Ordinal)));
        var hint = near >= 0 ? $" Its first line resembles line {near + 1}: `{fileLines[near].Trim()}`; the lines after it differ." : "";
        return $"old_string was not found in the file (not even ignoring whitespace).{hint} Read the file again (it may have changed) and copy the text exactly, including indentation.";
    }

    private static List<int> Occurrences(string text, string value)
    {
        var found = new List<int>();
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            found.Add(i);
        }

        return found;
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static string Normalise(string line)
    {
        var builder = new StringBuilder(line.Length);
        var space = false;
        foreach (var c in line.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static List<string> TrimBlankEdges(string[] lines)
    {
        var list = lines.ToList();
        while (list.Count > 0 && list[0].Trim().Length == 0)
        {
            list.RemoveAt(0);
        }

        while (list.Count > 0 && list[^1].Trim().Length == 0)
        {
            list.RemoveAt(list.Count - 1);
        }

        return list;
    }

    private static string Indent(string line) => line[..(line.Length - line.TrimStart().Length)];

    /// <summary>When the model's indentation differs from the file's by a prefix, the new lines get the file's.</summary>
    private static List<string> Reindent(List<string> lines, string modelIndent, string fileIndent) =>
        modelIndent == fileIndent
            ? lines
            : lines.Select(l => l.StartsWith(modelIndent, StringComparison.Ordinal) ? fileIndent + l[modelIndent.Length..] : l).ToList();
}
