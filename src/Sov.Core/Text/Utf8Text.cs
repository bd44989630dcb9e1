using System.Text;

namespace Sov.Core.Text;

/// <summary>Small UTF-8 helpers: counting and decoding around a position, never throwing.</summary>
internal static class Utf8Text
{
    public static int CountCodePoints(ReadOnlySpan<byte> bytes)
    {
        var n = 0;
        foreach (var b in bytes)
        {
            if ((b & 0xC0) != 0x80)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>The code point starting at <paramref name="p"/>, or -1 (end or invalid).</summary>
    public static int Next(ReadOnlySpan<byte> text, int p, out int length)
    {
        length = 0;
        if ((uint)p >= (uint)text.Length)
        {
            return -1;
        }

        if (text[p] < 0x80)
        {
            length = 1;
            return text[p];
        }

        var status = Rune.DecodeFromUtf8(text[p..], out var rune, out length);
        return status == System.Buffers.OperationStatus.Done ? rune.Value : -1;
    }

    /// <summary>The code point ending just before <paramref name="p"/>, or -1 (start or invalid).</summary>
    public static int Previous(ReadOnlySpan<byte> text, int p, out int length)
    {
        length = 0;
        if (p <= 0 || p > text.Length)
        {
            return -1;
        }

        if (text[p - 1] < 0x80)
        {
            length = 1;
            return text[p - 1];
        }

        var status = Rune.DecodeLastFromUtf8(text[..p], out var rune, out length);
        return status == System.Buffers.OperationStatus.Done ? rune.Value : -1;
    }
}
