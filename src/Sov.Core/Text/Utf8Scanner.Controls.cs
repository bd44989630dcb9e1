using System.Text;

namespace Sov.Core.Text;

/// <summary>C0 controls and terminal escape sequences (CSI, OSC 8 hyperlinks, OSC 52 clipboard writes).</summary>
internal ref partial struct Utf8Scanner
{
    private int HandleAsciiControl(int p)
    {
        var b = _text[p];
        if (b == 0x1B)
        {
            return HandleEscape(p);
        }

        if (b == 0x0C && (p == 0 || _text[p - 1] == '\n') && (p + 1 >= _text.Length || _text[p + 1] is (byte)'\n' or (byte)'\r'))
        {
            Add(p, 1, b, TextCategory.Control, Severity.Low, "form-feed-page-break",
                "form feed alone on a line (a page break)", FixAction.Remove);
            return p + 1;
        }

        Add(p, 1, b, TextCategory.Control, Severity.High, "control-character",
            $"{CodePoints.Describe(b)} control character: terminals may act on it", FixAction.Remove);
        return p + 1;
    }

    private int HandleEscape(int p)
    {
        var next = p + 1 < _text.Length ? _text[p + 1] : 0;
        int end;
        string message;
        if (next == '[')
        {
            end = p + 2;
            while (end < _text.Length && end - p < 64 && _text[end] is >= 0x20 and < 0x40)
            {
                end++;
            }

            end = end < _text.Length && _text[end] is >= 0x40 and <= 0x7E ? end + 1 : end;
            message = $"terminal escape sequence ESC{Encoding.ASCII.GetString(_text[(p + 1)..end])} (CSI): it can recolour, move the cursor or erase what the terminal shows";
        }
        else if (next == ']')
        {
            end = p + 2;
            var stop = -1;
            while (end < _text.Length && end - p < 8192 && _text[end] != '\n')
            {
                if (_text[end] == 0x07)
                {
                    stop = end;
                    end++;
                    break;
                }

                if (_text[end] == 0x1B && end + 1 < _text.Length && _text[end + 1] == '\\')
                {
                    stop = end;
                    end += 2;
                    break;
                }

                end++;
            }

            var body = _text[(p + 2)..(stop < 0 ? end : stop)];
            message = DescribeOsc(body);
        }
        else
        {
            end = next is >= 0x20 and < 0x7F ? p + 2 : p + 1;
            message = "ESC control character: the start of a terminal escape sequence";
        }

        Add(p, end - p, 0x1B, TextCategory.Control, Severity.High, "escape-sequence", message, FixAction.Remove);
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
