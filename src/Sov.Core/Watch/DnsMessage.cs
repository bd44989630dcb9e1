using System.Net;
using System.Text;

namespace Sov.Core.Watch;

/// <summary>
/// The parts of a DNS message (RFC 1035) a watch needs: the name a query asks for, and the addresses an
/// answer gives. Accepts the two-byte length prefix DNS over TCP adds. Malformed input yields nothing.
/// </summary>
public sealed record DnsMessage(bool IsResponse, string Name, IReadOnlyList<string> Addresses)
{
    private const int MaxLabels = 128;

    /// <summary>Parses <paramref name="packet"/>, or returns null when it is not a DNS message.</summary>
    public static DnsMessage? Parse(ReadOnlySpan<byte> packet)
    {
        if (packet.Length >= 14 && ((packet[0] << 8) | packet[1]) == packet.Length - 2)
        {
            packet = packet[2..];
        }

        if (packet.Length < 17)
        {
            return null;
        }

        var questions = (packet[4] << 8) | packet[5];
        var answers = (packet[6] << 8) | packet[7];
        if (questions < 1)
        {
            return null;
        }

        var at = 12;
        var name = ReadName(packet, ref at);
        if (name is null || at + 4 > packet.Length)
        {
            return null;
        }

        at += 4;
        var response = (packet[2] & 0x80) != 0;
        var addresses = new List<string>();
        for (var i = 0; response && i < answers && at < packet.Length; i++)
        {
            if (ReadName(packet, ref at) is null || at + 10 > packet.Length)
            {
                break;
            }

            var type = (packet[at] << 8) | packet[at + 1];
            var length = (packet[at + 8] << 8) | packet[at + 9];
            at += 10;
            if (at + length > packet.Length)
            {
                break;
            }

            if ((type == 1 && length == 4) || (type == 28 && length == 16))
            {
                addresses.Add(new IPAddress(packet.Slice(at, length)).ToString());
            }

            at += length;
        }

        return new DnsMessage(response, name, addresses);
    }

    private static string? ReadName(ReadOnlySpan<byte> packet, ref int at)
    {
        var labels = new List<string>();
        var cursor = at;
        var jumped = false;
        while (labels.Count < MaxLabels && cursor < packet.Length)
        {
            var length = packet[cursor];
            if (length == 0)
            {
                if (!jumped)
                {
                    at = cursor + 1;
                }

                return labels.Count == 0 ? "." : string.Join('.', labels);
            }

            if ((length & 0xC0) == 0xC0)
            {
                if (cursor + 1 >= packet.Length)
                {
                    return null;
                }

                if (!jumped)
                {
                    at = cursor + 2;
                }

                jumped = true;
                cursor = ((length & 0x3F) << 8) | packet[cursor + 1];
                continue;
            }

            if (length > 63 || cursor + 1 + length > packet.Length)
            {
                return null;
            }

            labels.Add(Label(packet.Slice(cursor + 1, length)));
            cursor += 1 + length;
        }

        return null;
    }

    private static string Label(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            text.Append(b is > 0x20 and < 0x7F && b != (byte)'.' ? (char)b : '?');
        }

        return text.ToString();
    }
}
