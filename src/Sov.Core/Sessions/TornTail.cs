using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sov.Core.Sessions;

/// <summary>
/// The last line of a session file that a crash cut short (no newline, not a whole record): cut from the file
/// when it is resumed, kept aside in <c>ID.jsonl.partial-HASH8</c>, and reported with the prompt it held, if
/// any, so nobody loses a prompt without being told (#13.3).
/// </summary>
public sealed partial record TornTail(long Bytes, string Sha256, string KeptAt, string? DroppedPrompt)
{
    /// <summary>The warning the front end shows.</summary>
    public string Warning => DroppedPrompt is { } prompt
        ? $"the session file ended in a torn line (a crash while saving): {Bytes} bytes cut and kept in {Path.GetFileName(KeptAt)}; your prompt \"{prompt}\" was not saved and the model will not see it: send it again if it still matters."
        : $"the session file ended in a torn line (a crash while saving): {Bytes} bytes cut and kept in {Path.GetFileName(KeptAt)}; the last message before the crash was not saved.";

    /// <summary>
    /// Looks at the end of <paramref name="path"/>: returns the length of its whole records and the torn tail
    /// (already kept aside), or null when it ends cleanly. A last record that is whole but lacks only its
    /// newline is kept (<paramref name="newlineMissing"/>): the next append starts with one.
    /// </summary>
    internal static TornTail? Find(string path, out long goodLength, out bool newlineMissing)
    {
        var bytes = File.ReadAllBytes(path);
        goodLength = bytes.Length;
        newlineMissing = false;
        if (bytes.Length == 0 || bytes[^1] == (byte)'\n')
        {
            return null;
        }

        var start = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        var tail = bytes.AsSpan(start);
        if (IsWholeRecord(tail))
        {
            newlineMissing = true;
            return null;
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(tail));
        var keptAt = $"{path}.partial-{sha[..8]}";
        using (var aside = Files.PrivateFiles.Open(keptAt, FileMode.Create, FileShare.None))
        {
            aside.Write(tail);
            aside.Flush(flushToDisk: true);
        }

        goodLength = start;
        return new TornTail(tail.Length, sha, keptAt, Prompt(Encoding.UTF8.GetString(tail)));
    }

    private static bool IsWholeRecord(ReadOnlySpan<byte> line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line.ToArray());
            return doc.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The start of the user's text in a torn message record, or null when it held none.</summary>
    private static string? Prompt(string torn)
    {
        if (!torn.Contains("\"role\":\"user\"", StringComparison.Ordinal) || TextField().Match(torn) is not { Success: true } match)
        {
            return null;
        }

        var raw = match.Groups[1].Value;
        var text = raw;
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("\"" + raw + "\""));
            if (reader.Read() && reader.GetString() is { } decoded)
            {
                text = decoded;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // cut inside an escape: show it as it is
        }

        return Text.SafeText.Clip(text, 80);
    }

    [GeneratedRegex("\"text\":\"((?:[^\"\\\\]|\\\\.)*)")]
    private static partial Regex TextField();
}
