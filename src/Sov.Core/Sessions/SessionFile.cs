using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Sov.Core.Sessions;

/// <summary>
/// A conversation persisted as JSON-lines under the sessions folder: a header record
/// (<c>{"type":"session","id","workspace","model","created"}</c>), then one <c>{"type":"message"}</c>
/// record per chat message, appended and fsynced as each turn ends, and <c>{"type":"reset"}</c> where
/// /clear or /compact replaced the conversation. After a crash at most the turn in flight is lost; a torn
/// last line is skipped on load.
/// </summary>
public sealed class SessionFile : IDisposable
{
    private readonly FileStream _stream;
    private readonly Secrets.Redactor? _redactor;

    private SessionFile(string id, string path, FileStream stream, Secrets.Redactor? redactor)
    {
        Id = id;
        Path = path;
        _stream = stream;
        _redactor = redactor;
    }

    public string Id { get; }

    public string Path { get; }

    /// <param name="redactor">The session's redactor: what is kept on disk is what a request would send (#12.6).</param>
    public static SessionFile Create(string sessionsDir, string workspace, string model, DateTimeOffset now, Secrets.Redactor? redactor = null)
    {
        Files.PrivateFiles.CreateDirectory(sessionsDir);
        var id = now.UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-"
            + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var path = System.IO.Path.Combine(sessionsDir, id + ".jsonl");
        var stream = Files.PrivateFiles.Open(path, FileMode.CreateNew, FileShare.Read);
        var file = new SessionFile(id, path, stream, redactor);
        file.Write(w =>
        {
            w.WriteString("type", "session");
            w.WriteString("id", id);
            w.WriteString("workspace", workspace);
            w.WriteString("model", model);
            w.WriteString("created", now.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        });
        return file;
    }

    /// <summary>Opens an existing session to append to it (resume).</summary>
    public static SessionFile OpenForAppend(string path, Secrets.Redactor? redactor = null)
    {
        var stream = Files.PrivateFiles.Open(path, FileMode.Append, FileShare.Read);
        return new SessionFile(System.IO.Path.GetFileNameWithoutExtension(path), path, stream, redactor);
    }

    public void Append(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            Write(w =>
            {
                w.WriteString("type", "message");
                w.WritePropertyName("message");
                JsonSerializer.Serialize(w, message, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ChatMessage)));
            }, sync: false);
        }

        _stream.Flush(flushToDisk: true);
    }

    /// <summary>The conversation was replaced (/clear, /compact): what follows is the whole history.</summary>
    public void Reset(IEnumerable<ChatMessage> replacement)
    {
        Write(w => w.WriteString("type", "reset"), sync: false);
        Append(replacement);
    }

    public static (string Workspace, string Model, List<ChatMessage> Messages) Load(string path)
    {
        var messages = new List<ChatMessage>();
        string workspace = "", model = "";
        var typeInfo = AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ChatMessage));
        foreach (var line in File.ReadLines(path))
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                continue; // a torn line from a crash
            }

            using (doc)
            {
                var root = doc.RootElement;
                switch (root.TryGetProperty("type", out var t) ? t.GetString() : null)
                {
                    case "session":
                        workspace = root.GetProperty("workspace").GetString() ?? "";
                        model = root.GetProperty("model").GetString() ?? "";
                        break;
                    case "reset":
                        messages.Clear();
                        break;
                    case "message" when root.TryGetProperty("message", out var m):
                        if (m.Deserialize(typeInfo) is ChatMessage message)
                        {
                            messages.Add(message);
                        }

                        break;
                }
            }
        }

        return (workspace, model, messages);
    }

    /// <summary>Saved sessions, newest first; only those of <paramref name="workspace"/> when given.</summary>
    public static IReadOnlyList<SessionSummary> List(string sessionsDir, string? workspace = null)
    {
        if (!Directory.Exists(sessionsDir))
        {
            return [];
        }

        var list = new List<SessionSummary>();
        foreach (var path in Directory.EnumerateFiles(sessionsDir, "*.jsonl"))
        {
            var summary = Summarise(path);
            if (summary is not null && (workspace is null || summary.Workspace == workspace))
            {
                list.Add(summary);
            }
        }

        return [.. list.OrderByDescending(s => s.LastWrite).ThenByDescending(s => s.Id, StringComparer.Ordinal)];
    }

    private static SessionSummary? Summarise(string path)
    {
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8);
            var header = reader.ReadLine();
            if (header is null)
            {
                return null;
            }

            using var doc = JsonDocument.Parse(header);
            var root = doc.RootElement;
            var created = DateTimeOffset.Parse(root.GetProperty("created").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var count = 0;
            var first = "";
            while (reader.ReadLine() is { } line)
            {
                count++;
                if (first.Length == 0 && line.Contains("\"role\":\"user\"", StringComparison.Ordinal))
                {
                    first = FirstText(line);
                }
            }

            return new SessionSummary(root.GetProperty("id").GetString()!, path, root.GetProperty("workspace").GetString()!,
                root.GetProperty("model").GetString()!, created, File.GetLastWriteTimeUtc(path), count, first);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or IOException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string FirstText(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var message = doc.RootElement.GetProperty("message");
            if (message.TryGetProperty("contents", out var contents))
            {
                foreach (var c in contents.EnumerateArray())
                {
                    if (c.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 } s)
                    {
                        return s.Length > 60 ? s[..60] + "…" : s;
                    }
                }
            }
        }
        catch (JsonException)
        {
        }

        return "";
    }

    private void Write(Action<Utf8JsonWriter> body, bool sync = true)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        _stream.Write(_redactor is null ? buffer.WrittenSpan : _redactor.RedactBody(buffer.WrittenSpan).Bytes);
        _stream.WriteByte((byte)'\n');
        if (sync)
        {
            _stream.Flush(flushToDisk: true);
        }
    }

    public void Dispose() => _stream.Dispose();
}
