using System.Globalization;
using System.Security.Cryptography;
using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary>
/// The key a baseline remembers a finding by: the file's path as printed, the category, the code point and the first
/// 16 hex digits of the SHA-256 of its line (without the line end), so neither line numbers nor other lines enter it.
/// </summary>
internal static class BaselineKey
{
    public static string Of(string path, TextCategory category, int codePoint, string lineHash) =>
        string.Join('\0', Normalize(path), TextCategories.Name(category), codePoint.ToString("X", CultureInfo.InvariantCulture), lineHash);

    public static (string Path, TextCategory Category, int CodePoint, string LineHash) Split(string key)
    {
        var parts = key.Split('\0');
        ScanCategoryNames.TryParse(parts[1], out var category);
        return (parts[0], category, int.Parse(parts[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture), parts[3]);
    }

    public static string HashLine(ReadOnlySpan<byte> line)
    {
        if (line.Length > 0 && line[^1] == '\r')
        {
            line = line[..^1];
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(line, hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>Parses <c>U+202E</c>.</summary>
    public static bool TryParseCodePoint(string? text, out int codePoint)
    {
        codePoint = 0;
        return text is { Length: > 2 } && text.StartsWith("U+", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out codePoint);
    }

    private static string Normalize(string path)
    {
        var p = path.Replace('\\', '/');
        return p.StartsWith("./", StringComparison.Ordinal) ? p[2..] : p;
    }
}
