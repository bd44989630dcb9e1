namespace Sov.Core.Tools.Search;

/// <summary>Binary detection as git does it: a NUL byte in the first 8 KiB.</summary>
public static class TextFile
{
    public static bool LooksBinary(ReadOnlySpan<byte> head) => head[..Math.Min(head.Length, 8192)].Contains((byte)0);

    public static bool LooksBinary(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[8192];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return LooksBinary(head[..read]);
    }
}
