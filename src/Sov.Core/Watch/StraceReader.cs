using System.Globalization;

namespace Sov.Core.Watch;

/// <summary>
/// Reads the lines <c>strace -f -o FILE</c> writes: <c>PID call(args) = result</c>, joining calls split by
/// another process (<c>&lt;unfinished ...&gt;</c> then <c>&lt;... call resumed&gt;</c>) and skipping signals and
/// exits. Lines it cannot read are skipped (a truncated tail when the traced program was killed).
/// </summary>
public sealed class StraceReader
{
    private readonly Dictionary<int, string> _unfinished = [];

    /// <summary>Reads every line of a whole log.</summary>
    public static List<StraceRecord> ReadAll(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var reader = new StraceReader();
        var records = new List<StraceRecord>();
        foreach (var line in lines)
        {
            if (reader.Read(line) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    /// <summary>The record this line completes, or null.</summary>
    public StraceRecord? Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.TrimEnd('\r');
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !int.TryParse(text.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        var rest = text[(space + 1)..].TrimStart();
        if (rest.StartsWith("<... ", StringComparison.Ordinal))
        {
            var resumed = rest.IndexOf(" resumed>", StringComparison.Ordinal);
            if (resumed < 0 || !_unfinished.Remove(pid, out var head))
            {
                return null;
            }

            rest = head + rest[(resumed + " resumed>".Length)..];
        }
        else if (rest.EndsWith(" <unfinished ...>", StringComparison.Ordinal))
        {
            _unfinished[pid] = rest[..^" <unfinished ...>".Length];
            return null;
        }

        return Complete(pid, rest);
    }

    private static StraceRecord? Complete(int pid, string call)
    {
        var open = call.IndexOf('(', StringComparison.Ordinal);
        var equals = ResultStart(call);
        if (open <= 0 || equals < open || call.StartsWith("---", StringComparison.Ordinal) || call.StartsWith("+++", StringComparison.Ordinal))
        {
            return null;
        }

        var name = call[..open];
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return null;
            }
        }

        var result = call.IndexOf("= ", equals, StringComparison.Ordinal) + 2;
        return new StraceRecord(pid, name, call[(open + 1)..equals], call[result..]);
    }

    /// <summary>
    /// Where the closing parenthesis before <c>= result</c> is: strace pads with spaces to align results
    /// (<c>&lt;... execve resumed&gt;)             = 0</c>). Strings are hex-escaped, so never hold <c>) =</c>.
    /// </summary>
    private static int ResultStart(string call)
    {
        var at = call.Length;
        while ((at = call.LastIndexOf(" = ", at - 1, StringComparison.Ordinal)) > 0)
        {
            var before = at;
            while (before > 0 && call[before - 1] == ' ')
            {
                before--;
            }

            if (before > 0 && call[before - 1] == ')')
            {
                return before - 1;
            }
        }

        return -1;
    }
}
