using System.Diagnostics;
using System.Text;

namespace Sov.Tests.Files;

/// <summary>Makes files and folders whose names are arbitrary bytes (.NET cannot: it passes names as UTF-8), through bash.</summary>
internal static class RawNames
{
    /// <summary>Creates <paramref name="relative"/> (bytes, '/'-separated) under <paramref name="root"/>: a file with <paramref name="content"/>, or a folder when it is null.</summary>
    public static void Create(string root, byte[] relative, string? content)
    {
        var octal = new StringBuilder();
        foreach (var b in relative)
        {
            octal.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
        }

        var start = new ProcessStartInfo("/bin/bash") { WorkingDirectory = root, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(content is null ? "mkdir -p -- \"$(printf \"$2\")\"" : "printf '%s' \"$1\" > \"$(printf \"$2\")\"");
        start.ArgumentList.Add("raw");
        start.ArgumentList.Add(content ?? "");
        start.ArgumentList.Add(octal.ToString());
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
    }

    /// <summary>Removes a tree whatever its names are.</summary>
    public static void Delete(string path)
    {
        using var process = Process.Start("/bin/rm", ["-rf", "--", path])!;
        process.WaitForExit();
    }

    public static byte[] Bytes(string ascii, params byte[] then) => [.. Encoding.ASCII.GetBytes(ascii), .. then];
}
