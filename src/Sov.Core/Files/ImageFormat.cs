namespace Sov.Core.Files;

/// <summary>
/// The image formats a model may be shown (PNG, JPEG, GIF, WebP), told by their first bytes, never by the file's
/// name: a <c>.png</c> that is really text is text, and a screenshot saved without an extension is still an image.
/// </summary>
public static class ImageFormat
{
    /// <summary>The largest image sent to a model (5 MB); a larger one is refused with the size said.</summary>
    public const long MaxBytes = 5L * 1024 * 1024;

    /// <summary>How many leading bytes <see cref="Detect"/> needs to tell every format.</summary>
    public const int HeadBytes = 12;

    /// <summary>The media type (<c>image/png</c>, <c>image/jpeg</c>, <c>image/gif</c>, <c>image/webp</c>), or null for anything else.</summary>
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        return head.Length >= HeadBytes && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8) ? "image/webp" : null;
    }

    /// <summary>The format's short name for messages: PNG, JPEG, GIF, WebP.</summary>
    public static string Name(string mediaType) => mediaType switch
    {
        "image/png" => "PNG",
        "image/jpeg" => "JPEG",
        "image/gif" => "GIF",
        _ => "WebP",
    };

    /// <summary>Looks at the first bytes of a seekable stream and puts it back at its start.</summary>
    public static string? Detect(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> head = stackalloc byte[HeadBytes];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return Detect(head[..read]);
    }
}
