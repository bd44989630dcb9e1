using System.Buffers;
using System.Text;

namespace Sov.Core.Text;

/// <summary>
/// The one rule for text from outside (the model, tools, files, the network) on its way to a terminal:
/// it reaches it only as characters to look at, never as something the terminal acts on. Two passes:
/// first every code point a terminal may act on or hide is swapped for a visible marker (C0 controls
/// but tab and newline, CR but in CRLF, DEL, C1 such as U+009B CSI, bidi controls and marks, tag
/// characters, zero-width space and word joiner, BOM, invisible operators, line and paragraph
/// separators, interlinear annotations, unpaired surrogates); then the text border's reveal policy
/// marks what its classifier finds hidden (zero-width runs, variation-selector payloads, fillers).
/// The second pass only ever adds markers, so the first pass's guarantee holds for the result.
/// (Pinned attack, issue #11: an OSC 52 clipboard write, OSC 8 link or title change in a tool name.)
/// </summary>
public static class TerminalText
{
    private static readonly SearchValues<char> Suspect = SearchValues.Create(BuildSuspect());

    /// <summary>Clean text comes back as the same instance; anything else with each hazard shown as a marker such as <c>⟦ESC⟧</c>.</summary>
    public static string Safe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TextBorder.Reveal(Neutralise(text));
    }

    /// <summary><see cref="Safe"/> for a one-line field: line endings become spaces first.</summary>
    public static string Line(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Safe(text.ReplaceLineEndings(" "));
    }

    /// <summary>True when a terminal would act on the code point or not show it (the first pass's set).</summary>
    public static bool IsHazard(int cp) =>
        cp is (< 0x20 and not (0x09 or 0x0A)) or (>= 0x7F and < 0xA0)
            || CodePoints.IsBidiExplicit(cp) || CodePoints.IsBidiMark(cp) || CodePoints.IsTag(cp)
            || cp is 0x200B or 0x2060 or 0x180E or 0xFEFF or (>= 0x2061 and <= 0x2064) or (>= 0x206A and <= 0x206F)
            || cp is 0x2028 or 0x2029 or (>= 0xFFF9 and <= 0xFFFB) or (>= 0xD800 and <= 0xDFFF);

    private static string Neutralise(string text)
    {
        var first = text.AsSpan().IndexOfAny(Suspect);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, first);
        var changed = false;
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                changed = true;
                continue; // CRLF is a line ending, not a cursor move
            }

            var cp = (int)c;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32(c, text[i + 1]);
                if (!IsHazard(cp))
                {
                    sb.Append(c).Append(text[++i]);
                    continue;
                }

                i++;
            }

            if (IsHazard(cp))
            {
                sb.Append(Marker(cp));
                changed = true;
            }
            else
            {
                sb.Append(c);
            }
        }

        return changed ? sb.ToString() : text;
    }

    private static string Marker(int cp) => cp switch
    {
        0x0D => "⟦CR⟧",
        < 0xA0 => "⟦" + CodePoints.ShortName(cp) + "⟧",
        _ => CodePoints.Marker(cp),
    };

    private static string BuildSuspect()
    {
        var sb = new StringBuilder();
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (IsHazard(c))
            {
                sb.Append((char)c);
            }
        }

        return sb.ToString();
    }
}
