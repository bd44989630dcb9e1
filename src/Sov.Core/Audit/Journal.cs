using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Sov.Core.Audit.Records;

namespace Sov.Core.Audit;

/// <summary>
/// One session's append-only, hash-chained journal (see <see cref="ChainHash"/> for the line layout).
/// <para>Durability: every <see cref="Append"/> writes the whole line to the file before it returns (so
/// a killed process loses nothing), and callers append before the action they record completes (a
/// request is journaled before it is sent, a tool call before it runs). A record that precedes or decides
/// an action (<see cref="IJournalRecord.SyncBeforeReturn"/>, the default) is also fsynced before Append
/// returns. Records of what already happened (responses, usage, tool results, findings, redactions, which
/// the request record right after them fsyncs) are fsynced with the next such record or the seal: the
/// bound on what a power loss can take is those trailing after-the-fact records, never the record of an
/// action. A crash can leave at most one partial last line, which <c>sov audit verify</c> reports and
/// <c>--repair</c> keeps aside and seals over, saying so.</para>
/// Thread-safe: appends from the gate and the agent loop are serialised.
/// </summary>
public sealed class Journal : IDisposable
{
    private readonly Lock _lock = new();
    private readonly FileStream _file;
    private readonly TimeProvider _clock;
    private long _seq;
    private string _prev;
    private bool _sealed;

    private Journal(string journalDir, string session, FileStream file, TimeProvider clock, long seq, string prev)
    {
        Directory = journalDir;
        Session = session;
        _file = file;
        _clock = clock;
        _seq = seq;
        _prev = prev;
        Bodies = new BodyStore(JournalFiles.BodiesDir(journalDir));
    }

    public string Directory { get; }
    public string Session { get; }
    public string FilePath => _file.Name;
    public BodyStore Bodies { get; }

    /// <summary>The last record written.</summary>
    public JournalEntry Head
    {
        get
        {
            lock (_lock)
            {
                return new JournalEntry(Session, _seq, _prev);
            }
        }
    }

    /// <summary>Starts a new session journal and writes its opening <c>session</c> record.</summary>
    public static Journal Start(string journalDir, SessionInfo info, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        clock ??= TimeProvider.System;
        Files.PrivateFiles.CreateDirectory(journalDir);
        var session = JournalFiles.NewSessionId(clock.GetUtcNow());
        var file = Files.PrivateFiles.Open(JournalFiles.PathOf(journalDir, session), FileMode.CreateNew, FileShare.Read, bufferSize: 0);
        var journal = new Journal(journalDir, session, file, clock, 0, ChainHash.Genesis);
        journal.Append(new SessionRecord(session, info));
        return journal;
    }

    /// <summary>Reopens an intact but unsealed journal to seal it (used by repair only).</summary>
    internal static Journal Resume(string path, long seq, string prev, TimeProvider clock)
    {
        var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
        return new Journal(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path), file, clock, seq, prev);
    }

    public JournalEntry Append(IJournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_sealed, this);
            var seq = _seq + 1;
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteNumber("seq", seq);
                writer.WriteString("ts", _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                writer.WriteString("type", record.Type);
                record.WriteFields(writer);
                writer.WriteString("prev", _prev);
                writer.Flush();
            }

            var line = ChainHash.Line(buffer.WrittenSpan, out var hash);
            _file.Write(line);
            if (record.SyncBeforeReturn)
            {
                _file.Flush(flushToDisk: true);
            }
            _seq = seq;
            _prev = hash;
            if (record is SealRecord)
            {
                _sealed = true;
                _file.Dispose();
            }

            return new JournalEntry(Session, seq, hash);
        }
    }

    /// <summary>Appends unless the journal is already sealed (for reports that may trail the seal, such as a
    /// response stream disposed after the session ended); null when sealed.</summary>
    public JournalEntry? TryAppend(IJournalRecord record)
    {
        lock (_lock)
        {
            return _sealed ? null : Append(record);
        }
    }

    /// <summary>Writes the closing <c>seal</c> record; nothing can be appended afterwards.</summary>
    public JournalEntry Seal(string reason = "completed")
    {
        lock (_lock)
        {
            return Append(new SealRecord(reason, _seq + 1));
        }
    }

    public bool IsSealed
    {
        get
        {
            lock (_lock)
            {
                return _sealed;
            }
        }
    }

    /// <summary>Seals with reason <c>closed</c> if nobody sealed it yet. A crash (no Dispose) leaves it unsealed.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (!_sealed)
            {
                Seal("closed");
            }
        }
    }
}
