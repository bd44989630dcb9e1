using System.Globalization;
using System.Text;

namespace Sov.Core.Watch;

/// <summary>
/// Decodes the text strace writes with <c>-xx</c> (every string byte as <c>\xNN</c>) and <c>-yy</c>
/// (descriptors decorated as <c>3&lt;/path&gt;</c> or <c>5&lt;TCP:[a:p-&gt;b:q]&gt;</c>).
/// </summary>
public static class StraceText
{
    /// <summary>Every quoted string in <paramref name="text"/>, in order, as bytes.</summary>
    public static List<byte[]> Strings(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<byte[]>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '"')
            {
                i++;
                continue;
            }

            var bytes = new List<byte>();
            i++;
            while (i < text.Length && text[i] != '"')
            {
                i = Unescape(text, i, bytes);
            }

            found.Add([.. bytes]);
            i++;
        }

        return found;
    }

    /// <summary>An escaped run (no quotes) decoded as UTF-8: decorations and single strings.</summary>
    public static string Decode(string escaped)
    {
        ArgumentNullException.ThrowIfNull(escaped);
        var bytes = new List<byte>();
        var i = 0;
        while (i < escaped.Length)
        {
            i = Unescape(escaped, i, bytes);
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>The first quoted string decoded as UTF-8, or null.</summary>
    public static string? FirstString(string text) =>
        Strings(text) is [var first, ..] ? Encoding.UTF8.GetString(first) : null;

    /// <summary>The decoration of the descriptor that starts <paramref name="args"/> (<c>3&lt;...&gt;</c>), decoded, or null.</summary>
    public static string? FirstDescriptor(string args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var i = 0;
        while (i < args.Length && char.IsAsciiDigit(args[i]))
        {
            i++;
        }

        return i > 0 && i < args.Length && args[i] == '<' ? Decoration(args, i) : null;
    }

    /// <summary>The path a successful open returned (<c>3&lt;/etc/hostname&gt;</c>), or null.</summary>
    public static string? ResultPath(string result) => FirstDescriptor(result ?? string.Empty);

    /// <summary>The working folder strace printed for <c>AT_FDCWD&lt;...&gt;</c>, or null.</summary>
    public static string? WorkingFolder(string args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var at = args.IndexOf("AT_FDCWD<", StringComparison.Ordinal);
        return at < 0 ? null : Decoration(args, at + "AT_FDCWD".Length);
    }

    private static string Decoration(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '<')
            {
                depth++;
            }
            else if (text[i] == '>' && text[i - 1] != '-' && --depth == 0)
            {
                return Decode(text[(open + 1)..i]);
            }
        }

        return Decode(text[(open + 1)..]);
    }

    private static int Unescape(string text, int i, List<byte> bytes)
    {
        if (text[i] != '\\' || i + 1 >= text.Length)
        {
            Span<byte> utf8 = stackalloc byte[4];
            var n = new Rune(char.IsSurrogate(text[i]) ? '?' : text[i]).EncodeToUtf8(utf8);
            foreach (var b in utf8[..n])
            {
                bytes.Add(b);
            }

            return i + 1;
        }

        var c = text[i + 1];
        if (c == 'x' && i + 4 <= text.Length
            && byte.TryParse(text.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
        {
            bytes.Add(hex);
            return i + 4;
        }

        bytes.Add(c switch
        {
            'n' => (byte)'\n',
            't' => (byte)'\t',
            'r' => (byte)'\r',
            'v' => 0x0B,
            'f' => 0x0C,
            '0' => 0,
            _ => (byte)c,
        });
        return i + 2;
    }
}
