namespace Sov.Cli.Terminal;

/// <summary>
/// Where the interactive UI writes: normal scrollback (no alternate screen), colour only when allowed,
/// a width for wrapping. Every string written through <see cref="Write"/> is made inert first
/// (<see cref="TerminalSafe"/>): the only escape sequences that reach the terminal are the SGR codes
/// produced here. Likewise the approval mark (<see cref="PromptMark"/>) reaches it only through
/// <see cref="Mark"/>: in written text it is shown as a marker.
/// </summary>
public sealed class TerminalSurface(TextWriter writer, bool color, Func<int> width)
{
    public bool Color { get; } = color;

    public TextWriter Writer { get; } = writer;

    /// <summary>Usable columns, never below 20.</summary>
    public int Width => Math.Max(20, width());

    public void Write(string text, Style style = Style.Plain)
    {
        var safe = PromptMark.Neutralise(TerminalSafe.Text(text));
        if (!Color || style == Style.Plain)
        {
            Writer.Write(safe);
            return;
        }

        Writer.Write(Sgr(style));
        Writer.Write(safe);
        Writer.Write("\e[0m");
    }

    public void WriteLine(string text = "", Style style = Style.Plain)
    {
        Write(text, style);
        Writer.Write('\n');
        Writer.Flush();
    }

    /// <summary>The approval mark that begins each row of Sovereign's own questions: the only way it is written.</summary>
    internal void Mark()
    {
        if (Color)
        {
            Writer.Write(Sgr(Style.Accent));
            Writer.Write(PromptMark.Glyph);
            Writer.Write("\e[0m");
            return;
        }

        Writer.Write(PromptMark.Glyph);
    }

    /// <summary>
    /// A one-line field from outside (a name, arguments, a first line) for a row that has <paramref name="used"/>
    /// columns taken: line breaks of every kind become spaces and it is cut before the terminal would wrap it.
    /// </summary>
    public string Fit(string text, int used) => Columns.Clip(PromptMark.Neutralise(TerminalSafe.Line(text)), Math.Max(8, Width - 1 - used));

    /// <summary>One row: a trusted <paramref name="prefix"/>, then a one-line field from outside cut to fit (<see cref="Fit"/>).</summary>
    public void Row(string prefix, string text, Style style, string suffix = "") =>
        WriteLine(prefix + Fit(text, Columns.Of(prefix) + Columns.Of(suffix)) + suffix, style);

    /// <summary>Raw control output (cursor moves) from our own code; never model or tool text.</summary>
    internal void Control(string sequence)
    {
        if (Color)
        {
            Writer.Write(sequence);
        }
    }

    private static string Sgr(Style style) => style switch
    {
        Style.Bold => "\e[1m",
        Style.Dim => "\e[2m",
        Style.Italic => "\e[3m",
        Style.Code => "\e[36m",
        Style.Heading => "\e[1;4m",
        Style.Added => "\e[32m",
        Style.Removed => "\e[31m",
        Style.Hunk => "\e[35m",
        Style.Warning => "\e[33m",
        Style.Error => "\e[1;31m",
        Style.Tool => "\e[34m",
        Style.Accent => "\e[1;36m",
        _ => "",
    };
}
