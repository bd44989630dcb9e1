using System.Diagnostics;
using System.Text;
using Sov.TestKit;

namespace Sov.Tests.Files;

/// <summary>Makes files and folders whose names are arbitrary bytes (.NET cannot: it passes names as UTF-8), through bash.</summary>
internal static class RawNames
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1); // a wait on a process is bounded (CI stop 24)

    /// <summary>Creates <paramref name="relative"/> (bytes, '/'-separated) under <paramref name="root"/>: a file with <paramref name="content"/>, or a folder when it is null.</summary>
    public static void Create(string root, byte[] relative, string? content)
    {
        var octal = new StringBuilder();
        foreach (var b in relative)
        {
            octal.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
        }

        var start = new ProcessStartInfo("/bin/bash") { WorkingDirectory = root };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(content is null ? "mkdir -p -- \"$(printf \"$2\")\"" : "printf '%s' \"$1\" > \"$(printf \"$2\")\"");
        start.ArgumentList.Add("raw");
        start.ArgumentList.Add(content ?? "");
        start.ArgumentList.Add(octal.ToString());
        var result = ChildProcess.RunAsync(start, stdin: null, Limit, "bash making a raw name", CancellationToken.None).GetAwaiter().GetResult();
        Assert.True(result.ExitCode == 0, result.Stderr);
    }

    /// <summary>Removes a tree whatever its names are.</summary>
    public static void Delete(string path)
    {
        var start = new ProcessStartInfo("/bin/rm");
        foreach (var arg in new[] { "-rf", "--", path })
        {
            start.ArgumentList.Add(arg);
        }

        _ = ChildProcess.RunAsync(start, stdin: null, Limit, "rm -rf", CancellationToken.None).GetAwaiter().GetResult();
    }

    public static byte[] Bytes(string ascii, params byte[] then) => [.. Encoding.ASCII.GetBytes(ascii), .. then];
}
