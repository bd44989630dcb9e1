using Microsoft.Win32.SafeHandles;

namespace Sov.Core.Files;

/// <summary>Reads at most a cap from the start of an open file, however big it claims to be.</summary>
internal static class CappedRead
{
    /// <summary>At most <paramref name="maxBytes"/> bytes from the start; <paramref name="truncated"/> when more follow.</summary>
    public static byte[] Read(SafeFileHandle handle, int maxBytes, out bool truncated)
    {
        var buffer = new byte[maxBytes + 1];
        var total = 0;
        while (total < buffer.Length)
        {
            var n = RandomAccess.Read(handle, buffer.AsSpan(total), total);
            if (n <= 0)
            {
                break;
            }

            total += n;
        }

        truncated = total > maxBytes;
        return buffer.AsSpan(0, Math.Min(total, maxBytes)).ToArray();
    }
}
