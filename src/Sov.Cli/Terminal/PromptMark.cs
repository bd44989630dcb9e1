using Sov.Core.Text;

namespace Sov.Cli.Terminal;

/// <summary>
/// What sets Sovereign's own questions apart from text that comes from outside, in colour and without.
/// <list type="bullet">
/// <item>Every row of an approval box starts with <see cref="Glyph"/> at column 0. Only
/// <see cref="TerminalSurface.Mark"/> writes it: in any other text (model, reasoning, tools, arguments,
/// names) the surface shows it, and its two nearest look-alikes, as a visible marker such as <c>⟦U+258C⟧</c>.</item>
/// <item>Every row of model text starts with <see cref="Gutter"/>, and no row of model or tool text can
/// start without its prefix (<see cref="Render.FencedRows"/> breaks rows itself before the terminal wraps).</item>
/// </list>
/// So a fake approval prompt in model text, however exact, is drawn behind the gutter and without the mark.
/// (Pinned attack, issue #12: a prompt identical line for line to the real one, drawn by the model.)
/// </summary>
public static class PromptMark
{
    /// <summary>The mark at the start of every row of an approval box: U+258C LEFT HALF BLOCK.</summary>
    public const char Glyph = '\u258C';

    /// <summary>The gutter at the start of every row of model text: U+258F LEFT ONE EIGHTH BLOCK and a space.</summary>
    public const string Gutter = "\u258F ";

    private static readonly char[] LookAlikes = ['\u258B', Glyph, '\u258D'];

    /// <summary>Text from outside with the mark and its look-alikes shown as markers; clean text comes back as is.</summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(LookAlikes) < 0)
        {
            return text;
        }

        var result = text;
        foreach (var c in LookAlikes)
        {
            result = result.Replace(c.ToString(), CodePoints.Marker(c), StringComparison.Ordinal);
        }

        return result;
    }
}
