using System.Text;

namespace Sov.Core.Text;

/// <summary>C0 and C1 controls and terminal escape sequences (CSI, OSC 8 hyperlinks, OSC 52 clipboard writes).</summary>
internal static class ControlRule
{
    public static int Check(ref ScanCursor c, int p)
    {
        var b = c.Text[p];
        if (b == 0x1B)
        {
            return Escape(ref c, p);
        }

        if (b == 0x0C && (p == 0 || c.Text[p - 1] == '\n') && (p + 1 >= c.Text.Length || c.Text[p + 1] is (byte)'\n' or (byte)'\r'))
        {
            c.Add(p, 1, b, TextCategory.Control, Severity.Low, "form-feed-page-break",
                "form feed alone on a line (a page break)", FixAction.Remove);
            return p + 1;
        }

        if (IsInertC0(b) && c.ContextAt(p) == LexState.String && (c.IsWholeString(p, 1) || !c.TouchesWord(p, 1)))
        {
            // #21: minified code writes "\x02" raw as a one-character constant; terminals do nothing visible with it.
            c.Add(p, 1, b, TextCategory.Control, Severity.Low, "control-character-in-string",
                $"{CodePoints.Describe(b)} control character written raw in a string literal (terminals show nothing for it; an escape would be clearer)", FixAction.Remove);
            return p + 1;
        }

        c.Add(p, 1, b, TextCategory.Control, Severity.High, "control-character",
            $"{CodePoints.Describe(b)} control character {c.Where(p)}: terminals may act on it", FixAction.Remove);
        return p + 1;
    }

    public static int C1(ref ScanCursor c, int p, int length, int cp)
    {
        if (cp is 0x80 or 0x81 or 0x99 && !c.InWord(p, length))
        {
            // #21: PAD, HOP and SGCI were never given a function; "[\u0080-\uFFFF]" written raw in a regular expression is common.
            c.Add(p, length, cp, TextCategory.Control, Severity.Low, "c1-undefined",
                $"{CodePoints.Describe(cp)} is a C1 code point with no control function (terminals ignore it) {c.Where(p)}", FixAction.Remove);
            return p + length;
        }

        c.Add(p, length, cp, TextCategory.Control, Severity.High, "c1-control",
            $"{CodePoints.Describe(cp)} is a C1 control character: terminals may act on it", FixAction.Remove);
        return p + length;
    }

    /// <summary>C0 controls that neither move the cursor, switch character sets nor start a sequence (not BS, VT, FF, SO, SI, ESC).</summary>
    private static bool IsInertC0(byte b) => b is not (0x08 or 0x0B or 0x0C or 0x0E or 0x0F or 0x1B) && (b < 0x20 || b == 0x7F);

    private static int Escape(ref ScanCursor c, int p)
    {
        var next = p + 1 < c.Text.Length ? c.Text[p + 1] : 0;
        int end;
        string message;
        if (next == '[')
        {
            end = p + 2;
            while (end < c.Text.Length && end - p < 64 && c.Text[end] is >= 0x20 and < 0x40)
            {
                end++;
            }

            end = end < c.Text.Length && c.Text[end] is >= 0x40 and <= 0x7E ? end + 1 : end;
            message = $"terminal escape sequence ESC{Encoding.ASCII.GetString(c.Text[(p + 1)..end])} (CSI): it can recolour, move the cursor or erase what the terminal shows";
        }
        else if (next == ']')
        {
            end = p + 2;
            var stop = -1;
            while (end < c.Text.Length && end - p < 8192 && c.Text[end] != '\n')
            {
                if (c.Text[end] == 0x07)
                {
                    stop = end;
                    end++;
                    break;
                }

                if (c.Text[end] == 0x1B && end + 1 < c.Text.Length && c.Text[end + 1] == '\\')
                {
                    stop = end;
                    end += 2;
                    break;
                }

                end++;
            }

            var body = c.Text[(p + 2)..(stop < 0 ? end : stop)];
            message = DescribeOsc(body);
        }
        else
        {
            end = next is >= 0x20 and < 0x7F ? p + 2 : p + 1;
            message = "ESC control character: the start of a terminal escape sequence";
        }

        c.Add(p, end - p, 0x1B, TextCategory.Control, Severity.High, "escape-sequence", message, FixAction.Remove);
        return end;
    }

    private static string DescribeOsc(ReadOnlySpan<byte> body)
    {
        var semi = body.IndexOf((byte)';');
        var command = semi < 0 ? body : body[..semi];
        var rest = semi < 0 ? [] : body[(semi + 1)..];
        if (command.SequenceEqual("8"u8))
        {
            var uriStart = rest.IndexOf((byte)';');
            var uri = uriStart < 0 ? rest : rest[(uriStart + 1)..];
            return $"OSC 8 hyperlink to \"{Clip(Encoding.UTF8.GetString(uri))}\": the visible text can hide where the link goes";
        }

        if (command.SequenceEqual("52"u8))
        {
            var dataStart = rest.IndexOf((byte)';');
            var data = Encoding.ASCII.GetString(dataStart < 0 ? rest : rest[(dataStart + 1)..]);
            var decoded = Convert.TryFromBase64String(data, new byte[data.Length], out var n)
                ? Encoding.UTF8.GetString(Convert.FromBase64String(data), 0, n) : data;
            return $"OSC 52 clipboard write: the terminal would put \"{Clip(decoded)}\" on the clipboard";
        }

        if (command.SequenceEqual("0"u8) || command.SequenceEqual("1"u8) || command.SequenceEqual("2"u8))
        {
            return $"OSC {Encoding.ASCII.GetString(command)} sets the terminal title to \"{Clip(Encoding.UTF8.GetString(rest))}\"";
        }

        return $"OSC {Clip(Encoding.ASCII.GetString(command))} operating-system command escape sequence";
    }

    private static string Clip(string text) => SafeText.Clip(text);
}
