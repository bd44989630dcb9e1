using System.Text;

namespace Sov.Core.Watch;

/// <summary>
/// Reads the server name (SNI, RFC 6066) from the first bytes a client sends on a TLS connection: a
/// handshake record holding a ClientHello. Anything else, or a record cut short, yields null.
/// </summary>
public static class TlsClientHello
{
    public static string? ServerName(ReadOnlySpan<byte> data)
    {
        // Record header: type 22 (handshake), version 3.x, length; then handshake type 1 (ClientHello).
        if (data.Length < 43 || data[0] != 22 || data[1] != 3 || data[5] != 1)
        {
            return null;
        }

        var at = 5 + 4 + 2 + 32; // handshake header, client version, random
        if (!Skip(data, ref at, 1) || !Skip(data, ref at, 2) || !Skip(data, ref at, 1) || at + 2 > data.Length)
        {
            return null;
        }

        var end = Math.Min(data.Length, at + 2 + ((data[at] << 8) | data[at + 1]));
        at += 2;
        while (at + 4 <= end)
        {
            var type = (data[at] << 8) | data[at + 1];
            var length = (data[at + 2] << 8) | data[at + 3];
            at += 4;
            if (type == 0 && at + 5 <= end && data[at + 2] == 0)
            {
                var nameLength = (data[at + 3] << 8) | data[at + 4];
                if (at + 5 + nameLength > data.Length)
                {
                    return null;
                }

                var name = data.Slice(at + 5, nameLength);
                foreach (var b in name)
                {
                    if (b is <= 0x20 or >= 0x7F)
                    {
                        return null;
                    }
                }

                return Encoding.ASCII.GetString(name);
            }

            at += length;
        }

        return null;
    }

    /// <summary>Skips a vector whose length is stored in <paramref name="lengthBytes"/> bytes.</summary>
    private static bool Skip(ReadOnlySpan<byte> data, ref int at, int lengthBytes)
    {
        if (at + lengthBytes > data.Length)
        {
            return false;
        }

        var length = lengthBytes == 1 ? data[at] : (data[at] << 8) | data[at + 1];
        at += lengthBytes + length;
        return at <= data.Length;
    }
}
