using Sov.Core.Files;

namespace Sov.Core.Tools.Search;

/// <summary>Binary detection as git does it: a NUL byte in the first 8 KiB.</summary>
public static class TextFile
{
    public static bool LooksBinary(ReadOnlySpan<byte> head) => head[..Math.Min(head.Length, 8192)].Contains((byte)0);

    /// <summary>Looks at the first 8 KiB of a seekable stream and puts it back at its start.</summary>
    public static bool LooksBinary(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> head = stackalloc byte[8192];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return LooksBinary(head[..read]);
    }

    /// <summary>
    /// Opens a workspace file for a search through the file border; null when it is binary, larger than
    /// <paramref name="maxBytes"/>, not a regular file, leads outside, or cannot be opened.
    /// </summary>
    public static FileStream? OpenText(Workspace workspace, string relative, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        FileStream? stream = null;
        try
        {
            stream = workspace.OpenRead(workspace.Inspect(relative));
            if (stream.Length <= maxBytes && !LooksBinary(stream))
            {
                var text = stream;
                stream = null;
                return text;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or WorkspaceException)
        {
        }
        finally
        {
            stream?.Dispose();
        }

        return null;
    }
}
