using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Sov.Cli.Terminal.Input;

/// <summary>
/// Submissions typed in one workspace, oldest first, persisted as JSON-lines (one JSON string per line)
/// under the history folder, one file per workspace (named by a hash of its path). Up and Down walk it.
/// </summary>
public sealed class InputHistory
{
    private const int Keep = 1000;
    private readonly List<string> _entries = [];
    private readonly string? _file;
    private bool _unwritable;
    private readonly Func<string, string> _redact;

    /// <param name="redact">Applied to what is written to disk (#12.6: a password typed once must not sit in clear in the history).</param>
    public InputHistory(string? file = null, Func<string, string>? redact = null)
    {
        _file = file;
        _redact = redact ?? (s => s);
        if (file is not null && File.Exists(file))
        {
            foreach (var line in File.ReadLines(file))
            {
                try
                {
                    if (JsonSerializer.Deserialize(line, CliJson.Default.String) is { Length: > 0 } entry)
                    {
                        _entries.Add(entry);
                    }
                }
                catch (JsonException)
                {
                    // A torn last line after a crash: skip it, keep the rest.
                }
            }

            if (_entries.Count > Keep)
            {
                _entries.RemoveRange(0, _entries.Count - Keep);
            }
        }
    }

    public static string FileFor(string historyDir, string workspaceRoot)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(workspaceRoot)))[..16];
        return Path.Combine(historyDir, hash + ".jsonl");
    }

    public int Count => _entries.Count;

    public string this[int index] => _entries[index];

    public void Add(string entry)
    {
        if (string.IsNullOrWhiteSpace(entry) || (_entries.Count > 0 && _entries[^1] == entry))
        {
            return;
        }

        _entries.Add(entry);
        if (_file is null)
        {
            return;
        }

        if (_unwritable)
        {
            return;
        }

        var line = System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(_redact(entry), CliJson.Default.String) + "\n");
        try
        {
            Core.Files.PrivateFiles.CreateDirectory(Path.GetDirectoryName(_file)!);
            using var stream = Core.Files.PrivateFiles.Open(_file, FileMode.Append, FileShare.Read, bufferSize: 0); // unbuffered: the write happens inside the try
            var length = stream.Length;
            try
            {
                stream.Write(line);
            }
            catch (IOException)
            {
                stream.SetLength(length); // never a torn line (#13.1)
                throw;
            }
        }
        catch (IOException)
        {
            // A full disk must not end the session over its Up-arrow history: it stays in memory from here on.
            _unwritable = true;
        }
    }
}
