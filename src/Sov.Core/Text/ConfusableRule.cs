using System.Text;

namespace Sov.Core.Text;

/// <summary>
/// Confusable identifiers: non-ASCII identifiers whose TR39 skeleton collides with another identifier in the
/// text (homoglyph identifiers, CVE-2021-42694), collected during the scan and compared with the ASCII ones after it.
/// </summary>
internal struct ConfusableRule
{
    private Dictionary<string, IdentifierEntry>? _identifiers;

    /// <summary>
    /// In prose only words that look entirely like ASCII (every letter confusable with ASCII, such as Cyrillic
    /// "рор") are recorded, so ordinary non-Latin prose never collides with English words.
    /// </summary>
    public void Record(ref ScanCursor c, int start, int end, bool requireAsciiSkeleton)
    {
        var token = c.Text[start..end];
        var skeleton = Skeleton(token);
        if (requireAsciiSkeleton && !System.Text.Ascii.IsValid(skeleton))
        {
            return;
        }

        _identifiers ??= new Dictionary<string, IdentifierEntry>(StringComparer.Ordinal);
        var text = Encoding.UTF8.GetString(token);
        var firstNonAscii = start + token.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
        var cp = Utf8Text.Next(c.Text, firstNonAscii, out _);
        if (_identifiers.TryGetValue(skeleton, out var seen))
        {
            if (seen.Text != text)
            {
                ReportCollision(ref c, new IdentifierEntry(text, start, end - start, c.Line, c.Column(start), cp), seen.Text, seen.Line);
            }

            return;
        }

        _identifiers[skeleton] = new IdentifierEntry(text, start, end - start, c.Line, c.Column(start), cp);
    }

    /// <summary>After the scan: compare ASCII identifiers (by skeleton) with the non-ASCII ones recorded.</summary>
    public readonly void CheckCollisions(ref ScanCursor c)
    {
        if (_identifiers is null || _identifiers.Count == 0)
        {
            return;
        }

        var lookup = _identifiers.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> initial = stackalloc char[128];
        var line = 1;
        var i = 0;
        while (i < c.Text.Length)
        {
            var first = c.Text[i];
            if (!(char.IsAsciiLetter((char)first) || first == '_'))
            {
                if (first == '\n')
                {
                    line++;
                }

                i++;
                continue;
            }

            var start = i;
            while (i < c.Text.Length && (char.IsAsciiLetterOrDigit((char)c.Text[i]) || c.Text[i] == '_'))
            {
                i++;
            }

            if ((start > 0 && c.Text[start - 1] >= 0x80) || (i < c.Text.Length && c.Text[i] >= 0x80))
            {
                continue; // part of a longer non-ASCII word
            }

            var builder = new ValueBuilder(initial);
            foreach (var b in c.Text[start..i])
            {
                UnicodeData.AppendSkeleton(b, ref builder);
            }

            if (lookup.TryGetValue(builder.AsSpan(), out var entry) && !entry.Reported)
            {
                entry.Reported = true;
                ReportCollision(ref c, entry, Encoding.ASCII.GetString(c.Text[start..i]), line);
            }

            builder.Dispose();
        }
    }

    private static void ReportCollision(ref ScanCursor c, IdentifierEntry entry, string other, int otherLine)
    {
        // #21: in Markdown written for people (README, docs) a look-alike word is an example (Unicode folding, an
        // alphabet), so it is low; in code and in agent rules files (AGENTS.md, .cursorrules) it stays medium.
        var markdown = c.Options.Kind == SourceKind.Markdown;
        var what = c.IsProse ? "word" : "identifier";
        var where = markdown ? " in Markdown prose" : c.IsProse ? " in prose" : string.Empty;
        c.Findings.Add(new TextFinding(entry.Line, entry.Column, entry.CodePoint, TextCategory.Confusable, markdown ? Severity.Low : Severity.Medium,
            "confusable-identifier",
            $"{what} \"{SafeText.Clip(entry.Text)}\"{where} looks like \"{SafeText.Clip(other)}\" (line {otherLine}) by TR39 skeleton: a homoglyph of another name (CVE-2021-42694)",
            entry.Offset, entry.Length, FixAction.None));
    }

    public static string Skeleton(ReadOnlySpan<byte> token)
    {
        Span<char> initial = stackalloc char[128];
        var builder = new ValueBuilder(initial);
        var q = 0;
        while (q < token.Length)
        {
            var cp = Utf8Text.Next(token, q, out var len);
            if (cp >= 0)
            {
                UnicodeData.AppendSkeleton(cp, ref builder);
            }

            q += Math.Max(1, len);
        }

        var result = builder.ToString();
        builder.Dispose();
        return result;
    }
}
