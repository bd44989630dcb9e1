using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Sov.Core.Files;

/// <summary>
/// File names are bytes on Linux and need not be UTF-8. The tools show a name as text with a reversible
/// escape, and take that text back: a byte that is not part of valid UTF-8 is written <c>\xNN</c> (two hex
/// digits), and a literal backslash is doubled when what follows it could be misread as an escape (a
/// backslash, an <c>x</c>, or an escaped byte). Reading back, <c>\\</c> is one backslash, <c>\xNN</c> one byte,
/// and any other backslash is itself. Names that are valid UTF-8 without such a backslash are unchanged.
/// (Issue #13 item 6: one such name broke grep for the whole workspace.)
/// </summary>
public static class FileNames
{
    /// <summary>The text shown for a name or path given as bytes.</summary>
    public static string Show(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes) && !bytes.Contains((byte)'\\'))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var sb = new StringBuilder(bytes.Length + 8);
        var i = 0;
        while (i < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out var rune, out var used) != OperationStatus.Done)
            {
                sb.Append(@"\x").Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
                i++;
                continue;
            }

            if (rune.Value == '\\' && MisreadAfterBackslash(bytes[(i + used)..]))
            {
                sb.Append('\\');
            }

            sb.Append(rune.ToString());
            i += used;
        }

        return sb.ToString();
    }

    /// <summary>The bytes a shown name or path stands for.</summary>
    public static byte[] ToBytes(string shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        if (!shown.Contains('\\', StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(shown);
        }

        var bytes = new List<byte>(shown.Length + 8);
        Span<byte> one = stackalloc byte[4];
        for (var i = 0; i < shown.Length; i++)
        {
            if (shown[i] == '\\' && i + 1 < shown.Length && shown[i + 1] == '\\')
            {
                bytes.Add((byte)'\\');
                i++;
                continue;
            }

            if (shown[i] == '\\' && i + 3 < shown.Length && shown[i + 1] == 'x'
                && byte.TryParse(shown.AsSpan(i + 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 3;
                continue;
            }

            var length = char.IsHighSurrogate(shown[i]) && i + 1 < shown.Length ? 2 : 1;
            var n = Encoding.UTF8.GetBytes(shown.AsSpan(i, length), one);
            bytes.AddRange(one[..n]);
            i += length - 1;
        }

        return [.. bytes];
    }

    /// <summary>The path as .NET's own file APIs take it; null when its bytes are not UTF-8 (only system calls on bytes reach it).</summary>
    public static string? AsText(string shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        if (!shown.Contains('\\', StringComparison.Ordinal))
        {
            return shown;
        }

        var bytes = ToBytes(shown);
        return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : null;
    }

    /// <summary>The bytes of a shown path, NUL-terminated, as system calls take them.</summary>
    public static byte[] ToNativePath(string shown)
    {
        var bytes = ToBytes(shown);
        var terminated = new byte[bytes.Length + 1];
        bytes.CopyTo(terminated, 0);
        return terminated;
    }

    private static bool MisreadAfterBackslash(ReadOnlySpan<byte> rest) =>
        !rest.IsEmpty && (rest[0] is (byte)'\\' or (byte)'x' || Rune.DecodeFromUtf8(rest, out _, out _) != OperationStatus.Done);
}
