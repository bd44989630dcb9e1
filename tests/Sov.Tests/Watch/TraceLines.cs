using System.Text;

namespace Sov.Tests.Watch;

/// <summary>Builds strace lines the way <c>strace -f -v -yy -xx</c> prints them (recorded from Debian strace 6.1).</summary>
internal static class TraceLines
{
    /// <summary>A quoted string with every byte as <c>\xNN</c>.</summary>
    public static string H(string text) => H(Encoding.UTF8.GetBytes(text));

    public static string H(byte[] bytes) => "\"" + string.Concat(bytes.Select(b => $"\\x{b:x2}")) + "\"";

    /// <summary>A descriptor decorated with a path, as -yy -xx prints it: <c>3&lt;\x2f...&gt;</c>.</summary>
    public static string Fd(int fd, string path) => $"{fd}<{H(path)[1..^1]}>";

    public static string Exec(int pid, string program, string[] argv, string[] env, string result = "0") =>
        $"{pid}  execve({H(program)}, [{string.Join(", ", argv.Select(H))}], [{string.Join(", ", env.Select(H))}]) = {result}";

    /// <summary>A DNS query packet for <paramref name="name"/> (type A).</summary>
    public static byte[] DnsQuery(string name, ushort id = 0x1234)
    {
        var packet = new List<byte> { (byte)(id >> 8), (byte)id, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (var label in name.Split('.'))
        {
            packet.Add((byte)label.Length);
            packet.AddRange(Encoding.ASCII.GetBytes(label));
        }

        packet.AddRange(new byte[] { 0, 0, 1, 0, 1 });
        return [.. packet];
    }

    /// <summary>The answer to <see cref="DnsQuery"/>: one A record (a compression pointer to the question name).</summary>
    public static byte[] DnsAnswer(string name, byte[] address, ushort id = 0x1234)
    {
        var packet = DnsQuery(name, id);
        packet[2] = 0x81;
        packet[3] = 0x80;
        packet[7] = 1;
        return [.. packet, 0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, .. address];
    }
}
