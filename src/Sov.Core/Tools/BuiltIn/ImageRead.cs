using System.Globalization;
using Sov.Core.Files;

namespace Sov.Core.Tools.BuiltIn;

/// <summary>
/// What read_file answers for an image file (told by its first bytes, <see cref="ImageFormat"/>): the image itself for a
/// model that accepts images, up to <see cref="ImageFormat.MaxBytes"/>; for a text-only model, a line saying so, never the bytes.
/// </summary>
internal static class ImageRead
{
    public static async Task<ToolOutput> ReadAsync(Stream stream, string mediaType, string path, bool accepted, CancellationToken cancellationToken)
    {
        var name = ImageFormat.Name(mediaType);
        var size = stream.Length;
        if (!accepted)
        {
            return ToolOutput.Error($"{path} is a {name} image ({Size(size)}); this model takes text only, so it was not sent. " +
                "If the model accepts images, the person can set images = true in config.toml.");
        }

        if (size > ImageFormat.MaxBytes)
        {
            return ToolOutput.Error($"{path} is a {name} image of {Size(size)}, over the {Size(ImageFormat.MaxBytes)} limit for images; it was not sent.");
        }

        var bytes = new byte[size];
        await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
        return ToolOutput.Ok($"{path}: {name} image, {Size(size)}, attached below.") with { Image = new ToolImage(mediaType, bytes, path) };
    }

    /// <summary>A byte count for people: 812 bytes, 14.2 KB, 6.1 MB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };
}
