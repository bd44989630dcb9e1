using System.Text;
using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary>
/// The <c>sov-scan: ignore[category,...]</c> markers of one file, window by window. A marker counts only inside a
/// comment (as the rough lexer sees it; in code of unknown syntax, only when a comment opener such as <c>//</c>,
/// <c>#</c> or <c>--</c> starts its line) and covers its own line and the next; a bare <c>sov-scan: ignore</c> covers
/// every category. A marker in a string literal is text, not a marker. #21: prose (Markdown, agent rules files such
/// as AGENTS.md, text) has no inline markers at all (its readers are people and models, who see no comment there;
/// use <c>.sovscan.toml</c>), and a marker on a line holding a bidi control is no marker: the control can reorder
/// how the line shows, so a reviewer may not see the marker where it really is. Markers never suppress a critical
/// finding (see <see cref="FindingCollector"/>).
/// </summary>
internal sealed class InlineMarkers
{
    private const ulong All = ulong.MaxValue;

    private readonly Dictionary<int, ulong> _lines = [];
    private ulong _carry;
    private ulong _nextCarry;

    /// <summary>True when a marker covers some line of the current window.</summary>
    public bool Active => _lines.Count > 0 || _carry != 0;

    /// <summary>Problems met (an unknown category in a marker), as <c>path:line: ...</c>.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Reads the markers of the next window; <paramref name="baseLine"/> is the file line before its first.</summary>
    public void Load(ReadOnlySpan<byte> window, SourceKind kind, string path, int baseLine)
    {
        _carry = _nextCarry;
        _nextCarry = 0;
        _lines.Clear();
        var at = window.IndexOf("sov-scan:"u8);
        if (at < 0 || SourceKinds.IsProse(kind))
        {
            return;
        }

        var lexer = new Lexer(kind);
        var line = 1;
        var counted = 0;
        var lineStart = 0;
        while (at >= 0)
        {
            var newlines = window[counted..at].Count((byte)'\n');
            if (newlines > 0)
            {
                line += newlines;
                lineStart = window[..at].LastIndexOf((byte)'\n') + 1;
            }

            counted = at;
            if (InComment(ref lexer, window, lineStart, at, kind) && !HasBidiControl(window, lineStart))
            {
                var mask = Parse(window, at + "sov-scan:".Length, path, baseLine + line);
                if (mask != 0)
                {
                    _lines[line] = _lines.GetValueOrDefault(line) | mask;
                }
            }

            var next = window[(at + 1)..].IndexOf("sov-scan:"u8);
            at = next < 0 ? -1 : at + 1 + next;
        }

        var total = window.Count((byte)'\n');
        _nextCarry = window[^1] == '\n'
            ? _lines.GetValueOrDefault(total)
            : _lines.GetValueOrDefault(total + 1) | _lines.GetValueOrDefault(total);
    }

    /// <summary>True when a marker on <paramref name="line"/> (of the window) or the line before covers <paramref name="category"/>.</summary>
    public bool Covers(int line, TextCategory category)
    {
        if (_lines.Count == 0 && _carry == 0)
        {
            return false;
        }

        var mask = _lines.GetValueOrDefault(line) | (line == 1 ? _carry : _lines.GetValueOrDefault(line - 1));
        return (mask & Bit(category)) != 0;
    }

    private static ulong Bit(TextCategory category) => 1UL << (int)category;

    private static bool InComment(ref Lexer lexer, ReadOnlySpan<byte> window, int lineStart, int at, SourceKind kind)
    {
        if (kind != SourceKind.Plain)
        {
            return lexer.Advance(window, at) == LexState.Comment;
        }

        // #21: without a lexer a comment opener later on the line may sit inside a string ("-- sov-scan: ignore");
        // only an opener that starts the line (after indentation) is surely a comment.
        var before = window[lineStart..at].TrimStart(" \t"u8);
        return before.StartsWith("//"u8) || before.StartsWith("#"u8) || before.StartsWith("/*"u8)
            || before.StartsWith("--"u8) || before.StartsWith(";"u8) || before.StartsWith("%"u8);
    }

    /// <summary>True when the line starting at <paramref name="lineStart"/> holds a bidi control (explicit or mark) (#21).</summary>
    private static bool HasBidiControl(ReadOnlySpan<byte> window, int lineStart)
    {
        var end = window[lineStart..].IndexOf((byte)'\n');
        var line = end < 0 ? window[lineStart..] : window.Slice(lineStart, end);
        var q = 0;
        while (q < line.Length)
        {
            var i = line[q..].IndexOfAny((byte)0xE2, (byte)0xD8);
            if (i < 0)
            {
                return false;
            }

            var cp = Utf8Text.Next(line, q + i, out var len);
            if (CodePoints.IsBidiExplicit(cp) || CodePoints.IsBidiMark(cp))
            {
                return true;
            }

            q += i + Math.Max(len, 1);
        }

        return false;
    }

    /// <summary>The categories the marker text after <c>sov-scan:</c> names (all for a bare <c>ignore</c>), 0 when it is no marker.</summary>
    private ulong Parse(ReadOnlySpan<byte> window, int p, string path, int line)
    {
        while (p < window.Length && window[p] is (byte)' ' or (byte)'\t')
        {
            p++;
        }

        if (!window[p..].StartsWith("ignore"u8))
        {
            return 0;
        }

        p += "ignore".Length;
        if (p >= window.Length || window[p] != '[')
        {
            return p >= window.Length || !ScanCursor.IsWordChar(window[p]) && window[p] != '-' ? All : 0;
        }

        var end = window[p..].IndexOfAny((byte)']', (byte)'\n');
        if (end < 0 || window[p + end] != ']')
        {
            Problems.Add($"{path}:{line}: sov-scan marker without a closing ']': it suppresses nothing");
            return 0;
        }

        ulong mask = 0;
        foreach (var name in Encoding.UTF8.GetString(window.Slice(p + 1, end - 1)).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (ScanCategoryNames.TryParse(name, out var category))
            {
                mask |= Bit(category);
            }
            else
            {
                Problems.Add($"{path}:{line}: unknown category '{TextBorder.Reveal(name)}' in a sov-scan marker (one of {ScanCategoryNames.Known})");
            }
        }

        return mask;
    }
}
