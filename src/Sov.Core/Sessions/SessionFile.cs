using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Sov.Core.Sessions;

/// <summary>
/// A conversation persisted as JSON-lines under the sessions folder: a header record
/// (<c>{"type":"session","id","workspace","model","created"}</c>), then one <c>{"type":"message"}</c>
/// record per chat message, appended and fsynced as each turn ends, <c>{"type":"reset"}</c> where
/// /clear or /compact replaced the conversation, and <c>{"type":"note"}</c> for the model's next prompt (an undo).
/// After a crash at most the turn in flight is lost. Its id is its session's journal's (#14).
/// <para>Write failures and crashes (#13.1, #13.3): a turn's records are written together at the end of the
/// last good record (<see cref="Audit.AppendOnlyFile"/>), whole or not at all; a failure throws
/// <see cref="Audit.StateWriteException"/> with the file cut back. A new file appears with its header whole or
/// not at all, under an id no other session has. A torn last line from a crash is cut on resume, kept aside
/// and reported (<see cref="TornTail"/>), so the next record starts on a line of its own.</para>
/// </summary>
public sealed class SessionFile : IDisposable
{
    private const string What = "session file";
    private const int MaxIdAttempts = 64;
    private readonly Audit.AppendOnlyFile _file;
    private readonly Secrets.Redactor? _redactor;

    private SessionFile(string id, Audit.AppendOnlyFile file, Secrets.Redactor? redactor)
    {
        Id = id;
        _file = file;
        _redactor = redactor;
    }

    public string Id { get; }

    public string Path => _file.Path;

    /// <param name="redactor">The session's redactor: what is kept on disk is what a request would send (#12.6).</param>
    public static SessionFile Create(string sessionsDir, string workspace, string model, DateTimeOffset now, Secrets.Redactor? redactor = null) =>
        Create(sessionsDir, workspace, model, now, redactor, null);

    /// <summary>
    /// Creates the session file of the session whose journal was just started under <paramref name="id"/> (#14: one id
    /// for both; the journal drew it, skipping ids this folder has). Never overwrites: a taken name is an error.
    /// </summary>
    public static SessionFile Create(string sessionsDir, string id, string workspace, string model, DateTimeOffset now, Secrets.Redactor? redactor = null) =>
        Create(sessionsDir, workspace, model, now, redactor, null, _ => id, attempts: 1);

    /// <summary>The file a session with this id has in <paramref name="sessionsDir"/> (it may not exist).</summary>
    public static string PathOf(string sessionsDir, string id) => System.IO.Path.Combine(sessionsDir, id + ".jsonl");

    /// <param name="wrap">Tests wrap the file stream to inject write failures.</param>
    /// <param name="newId">Tests draw colliding ids.</param>
    internal static SessionFile Create(string sessionsDir, string workspace, string model, DateTimeOffset now, Secrets.Redactor? redactor,
        Func<Stream, Stream>? wrap, Func<DateTimeOffset, string>? newId = null, int attempts = MaxIdAttempts)
    {
        try
        {
            Files.PrivateFiles.CreateDirectory(sessionsDir);
        }
        catch (IOException e) when (Audit.StateWriteException.IsDiskFull(e))
        {
            throw Audit.StateWriteException.For(e, What, sessionsDir);
        }

        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var id = (newId ?? Audit.JournalFiles.NewSessionId)(now);
            var header = Line(redactor, w =>
            {
                w.WriteString("type", "session");
                w.WriteString("id", id);
                w.WriteString("workspace", workspace);
                w.WriteString("model", model);
                w.WriteString("created", now.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            });
            if (Audit.AppendOnlyFile.TryCreate(PathOf(sessionsDir, id), header, What, wrap) is { } file)
            {
                return new SessionFile(id, file, redactor);
            }
        }

        throw new Audit.StateWriteException($"cannot start a session file in {sessionsDir}: {attempts} new session ids were all taken.",
            "Check what is creating files in that folder.", null);
    }

    /// <summary>
    /// Resumes a saved session: a torn last line is cut and kept aside (reported in the history's warnings and
    /// <see cref="SessionHistory.Torn"/>), the conversation loaded, and the file opened to append after it.
    /// </summary>
    public static (SessionFile File, SessionHistory History) Resume(string path, Secrets.Redactor? redactor = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        TornTail? torn;
        long length;
        bool newlineMissing;
        try
        {
            torn = TornTail.Find(path, out length, out newlineMissing);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw Audit.StateWriteException.For(e, What, System.IO.Path.GetDirectoryName(path)!);
        }

        var file = new SessionFile(System.IO.Path.GetFileNameWithoutExtension(path), Audit.AppendOnlyFile.Open(path, length, What), redactor);
        if (newlineMissing)
        {
            try
            {
                file._file.Append("\n"u8, sync: true);
            }
            catch (Audit.StateWriteException)
            {
                file.Dispose();
                throw;
            }
        }

        var history = Load(path);
        return (file, torn is null ? history : history with { Warnings = [torn.Warning, .. history.Warnings], Torn = torn });
    }

    /// <summary>Appends the messages as one write, fsynced: all of them or, on a write failure, none.</summary>
    public void Append(IEnumerable<ChatMessage> messages) => Write(false, messages);

    /// <summary>The conversation was replaced (/clear, /compact): what follows is the whole history.</summary>
    public void Reset(IEnumerable<ChatMessage> replacement) => Write(true, replacement);

    /// <summary>
    /// Saves a note for the model (what an undo restored, #14): a resumed session prepends the notes saved after its
    /// last message to the next prompt (<see cref="SessionHistory.PendingNotes"/>), so the note survives an exit in between.
    /// </summary>
    public void AppendNote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _file.Append(Line(_redactor, w =>
        {
            w.WriteString("type", "note");
            w.WriteString("text", text);
        }), sync: true);
    }

    /// <summary>Reads a saved conversation; lines that cannot be read are skipped and named in the warnings.</summary>
    public static SessionHistory Load(string path)
    {
        var messages = new List<ChatMessage>();
        string workspace = "", model = "";
        var warnings = new List<string>();
        var notes = new List<string>();
        var typeInfo = AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ChatMessage));
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                warnings.Add($"line {number} of the session file is unreadable ({line.Length} characters) and was skipped: a message may be missing.");
                continue;
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
                    case "note" when root.TryGetProperty("text", out var note) && note.ValueKind == JsonValueKind.String:
                        notes.Add(note.GetString()!);
                        break;
                    case "message" when root.TryGetProperty("message", out var m):
                        if (m.Deserialize(typeInfo) is ChatMessage message)
                        {
                            messages.Add(message);
                            notes.Clear(); // a prompt after the note carried it
                        }

                        break;
                }
            }
        }

        return new SessionHistory(workspace, model, messages, warnings) { PendingNotes = notes };
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

    /// <summary>When a saved session began (its header's <c>created</c>), or null when the header cannot be read.</summary>
    public static DateTimeOffset? CreatedOf(string path)
    {
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8);
            if (reader.ReadLine() is not { } header)
            {
                return null;
            }

            using var doc = JsonDocument.Parse(header);
            return doc.RootElement.TryGetProperty("created", out var created) && created.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(created.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
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
                if (line.StartsWith("{\"type\":\"note\"", StringComparison.Ordinal))
                {
                    continue; // a note for the model (#14), not a message
                }

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

    private void Write(bool reset, IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var batch = new System.Buffers.ArrayBufferWriter<byte>();
        if (reset)
        {
            batch.Write(Line(_redactor, w => w.WriteString("type", "reset")));
        }

        var typeInfo = AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ChatMessage));
        foreach (var message in messages)
        {
            batch.Write(Line(_redactor, w =>
            {
                w.WriteString("type", "message");
                w.WritePropertyName("message");
                JsonSerializer.Serialize(w, message, typeInfo);
            }));
        }

        if (batch.WrittenCount > 0)
        {
            _file.Append(batch.WrittenSpan, sync: true);
        }
    }

    /// <summary>One record as a line: the JSON object (redacted when a redactor is given) and its newline.</summary>
    private static byte[] Line(Secrets.Redactor? redactor, Action<Utf8JsonWriter> body)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        var json = redactor is null ? buffer.WrittenSpan : redactor.RedactBody(buffer.WrittenSpan).Bytes;
        var line = new byte[json.Length + 1];
        json.CopyTo(line);
        line[^1] = (byte)'\n';
        return line;
    }

    public void Dispose() => _file.Dispose();
}
