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
/// <para>Write failures (#13.1): a record is on disk whole or not at all (<see cref="AppendOnlyFile"/>). The
/// first failure throws a <see cref="StateWriteException"/> from <see cref="Append"/>, so the action the
/// record precedes is not taken, and the journal stays failed (<see cref="Failure"/>): later appends throw
/// the same, except the seal, which is tried once and otherwise left off (the journal then verifies as
/// intact but unsealed, never broken).</para>
/// Thread-safe: appends from the gate and the agent loop are serialised.
/// </summary>
public sealed partial class Journal : IDisposable
{
    private readonly Lock _lock = new();
    private readonly AppendOnlyFile _file;
    private readonly TimeProvider _clock;
    private long _seq;
    private string _prev;
    private bool _sealed;
    private StateWriteException? _failure;
    private SealKey? _key;

    private Journal(string journalDir, string session, AppendOnlyFile file, TimeProvider clock, long seq, string prev)
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
    public string FilePath => _file.Path;
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

    /// <summary>Why the journal stopped taking records (disk full, I/O error), or null while it is well.</summary>
    public StateWriteException? Failure
    {
        get
        {
            lock (_lock)
            {
                return _failure;
            }
        }
    }

    internal static void CreateFolder(string journalDir)
    {
        try
        {
            Files.PrivateFiles.CreateDirectory(journalDir);
        }
        catch (IOException e) when (StateWriteException.IsDiskFull(e))
        {
            throw StateWriteException.For(e, "journal", journalDir);
        }
    }

    /// <summary>Closes without a seal: the first record of a new segment could not be written, so the file still ends in the earlier seal (a second seal would break it).</summary>
    internal void Abandon()
    {
        lock (_lock)
        {
            if (!_sealed)
            {
                Close();
            }
        }
    }

    /// <summary>Reopens an intact but unsealed journal to seal it (used by repair only): what follows its first <paramref name="length"/> bytes is cut.</summary>
    internal static Journal Resume(string path, long seq, string prev, long length, TimeProvider clock)
    {
        var file = AppendOnlyFile.Open(path, length, "journal");
        return new Journal(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path), file, clock, seq, prev);
    }

    public JournalEntry Append(IJournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_sealed, this);
            var seal = record is SealRecord;
            if (_failure is not null && !seal)
            {
                throw _failure;
            }

            var seq = _seq + 1;
            var line = seal && _key is { } key ? KeyedLine(seq, _clock, (SealRecord)record, _prev, key, out var hash) : Line(seq, _clock, record, _prev, out hash);
            try
            {
                _file.Append(line, record.SyncBeforeReturn);
            }
            catch (StateWriteException e)
            {
                var earlier = _failure is not null;
                _failure ??= e;
                if (!seal)
                {
                    throw;
                }

                Close();
                if (!earlier)
                {
                    throw;
                }

                return new JournalEntry(Session, _seq, _prev);
            }

            _seq = seq;
            _prev = hash;
            if (seal)
            {
                Close();
            }

            return new JournalEntry(Session, seq, hash);
        }
    }

    /// <summary>Appends unless the journal is already sealed or failed (for reports that may trail the seal, such
    /// as a response stream disposed after the session ended); null when it is.</summary>
    public JournalEntry? TryAppend(IJournalRecord record)
    {
        lock (_lock)
        {
            return _sealed || _failure is not null ? null : Append(record);
        }
    }

    /// <summary>
    /// The key its seals are keyed with (#20; set by the session from <c>[audit] seal_key_file</c>): each seal then carries
    /// <c>key_id</c> and <c>mac</c> (see <see cref="SealKey"/>). Null: seals carry the hash chain only.
    /// </summary>
    public SealKey? Key
    {
        get
        {
            lock (_lock)
            {
                return _key;
            }
        }

        set
        {
            lock (_lock)
            {
                _key = value;
            }
        }
    }

    /// <summary>
    /// Writes the closing <c>seal</c> record; nothing can be appended afterwards. After a failure the seal is
    /// tried once and, if it cannot be written either, left off without a second error.
    /// </summary>
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

    /// <summary>A write under SOV_HOME that belongs to this session failed elsewhere (the body store): stop taking records.</summary>
    internal void Fail(StateWriteException failure)
    {
        lock (_lock)
        {
            _failure ??= failure;
        }
    }

    /// <summary>Seals with reason <c>closed</c> if nobody sealed it yet (a seal that cannot be written is left off). A crash (no Dispose) leaves it unsealed.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_sealed)
            {
                return;
            }

            try
            {
                Seal("closed");
            }
            catch (StateWriteException)
            {
                // Already closed by the failed seal: the journal stays intact, unsealed.
            }
        }
    }

    private void Close()
    {
        _sealed = true;
        _file.Dispose();
    }

    private static byte[] Line(long seq, TimeProvider clock, IJournalRecord record, string prev, out string hash) =>
        ChainHash.Line(Body(seq, Timestamp(clock), record, prev), out hash);

    /// <summary>A seal keyed with <paramref name="key"/>: its <c>mac</c> covers the body written without it (<see cref="SealKey"/>).</summary>
    private static byte[] KeyedLine(long seq, TimeProvider clock, SealRecord seal, string prev, SealKey key, out string hash)
    {
        var ts = Timestamp(clock);
        var unkeyed = seal with { KeyId = key.Id, Mac = null };
        var mac = key.Mac(Body(seq, ts, unkeyed, prev));
        return ChainHash.Line(Body(seq, ts, unkeyed with { Mac = mac }, prev), out hash);
    }

    private static string Timestamp(TimeProvider clock) =>
        clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static byte[] Body(long seq, string ts, IJournalRecord record, string prev)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("seq", seq);
            writer.WriteString("ts", ts);
            writer.WriteString("type", record.Type);
            record.WriteFields(writer);
            writer.WriteString("prev", prev);
            writer.Flush();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
