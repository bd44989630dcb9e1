namespace Sov.Core.Files.Checkpoints;

/// <summary>
/// Records one turn's file changes for undo. Tools call <see cref="BeforeWrite"/> before they change a
/// file; the shell tool takes a <see cref="FileSnapshot"/> before a command and hands it to
/// <see cref="AfterShell"/>, which lists what the command changed. The first state seen in a turn is the
/// one undo restores. Each state is made durable before the change it precedes: its blob and a line of the
/// turn's pending record, both fsynced (#13.7), so a turn killed half-way is still undoable.
/// <see cref="Commit"/> at the end of the turn stores it as a manifest and drops the pending record.
/// </summary>
public sealed class TurnCheckpoint
{
    private readonly CheckpointStore _store;
    private readonly string? _session;
    private readonly Dictionary<string, (string? Blob, int? Mode, bool Captured, string By)> _before = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _createdFolders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sentAfter = new(StringComparer.Ordinal); // #18: the last write went to the editor
    private PendingRecord? _pending;
    private string? _afterHash;
    private bool _shellSnapshotStored;

    internal TurnCheckpoint(CheckpointStore store, string? session)
    {
        _store = store;
        _session = session;
    }

    /// <summary>This turn's id, as its manifest and pending record name it.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("n");

    /// <summary>Workspace-relative paths changed so far this turn.</summary>
    public IReadOnlyCollection<string> Paths => _before.Keys;

    /// <summary>
    /// Before a tool writes <paramref name="path"/>: its prior state (first write of the turn) and the hash of
    /// what is about to be written (<paramref name="afterHash"/>, every write) are on disk first, so recovery
    /// after a crash knows the turn's own result and never takes a person's later edit for it.
    /// </summary>
    /// <param name="shown">For a write through the editor (#18): the content the write was checked against (its unsaved
    /// buffer), which is the state undo restores, and the turn's result is <paramref name="afterHash"/> (what was sent), not the disk.</param>
    public void BeforeWrite(WorkspacePath path, string tool, IReadOnlyList<string>? createdFolders = null, string? afterHash = null, ShownState? shown = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var relative = _store.Workspace.Relative(path.RealPath);
        _afterHash = afterHash;
        if (shown is not null && afterHash is not null)
        {
            _sentAfter[relative] = afterHash;
        }
        else
        {
            _sentAfter.Remove(relative);
        }

        if (_before.ContainsKey(relative))
        {
            if (afterHash is not null)
            {
                Pending().Append(new PendingLine(Path: relative, ChangedBy: tool, AfterHash: afterHash));
            }

            return;
        }

        Pending(); // first, so even a blob's temporary file is never written without a record of the turn
        if (shown is { Content: { } buffer })
        {
            Record(relative, (_store.PutBlob(buffer), File.Exists(path.RealPath) ? FileSnapshot.ModeOf(path.RealPath) : null, true, tool));
            return;
        }

        var now = shown is not null ? default : RegularContent.ReadShown(_store.Workspace.Files, path.RealPath);
        if (now is { Present: true, Content: { } content })
        {
            Record(relative, (_store.PutBlob(content), FileSnapshot.ModeOf(path.RealPath), true, tool));
        }
        else if (now.Present)
        {
            Record(relative, (null, null, false, tool)); // a FIFO, device or link is never read: its state is not captured
        }
        else
        {
            if (createdFolders is { Count: > 0 })
            {
                _createdFolders[relative] = createdFolders;
            }

            Record(relative, (null, null, true, tool));
        }
    }

    /// <summary>
    /// Before a shell command runs: the first of the turn stores <paramref name="before"/> beside the pending
    /// record (fsynced), so what a command killed mid-run changed can still be undone. Files the turn changed
    /// before are recorded already, and the others are as they were then, so one snapshot a turn is enough.
    /// </summary>
    public void BeforeShell(FileSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(before);
        if (!_shellSnapshotStored)
        {
            Pending(); // locked first, so no start mistakes the turn for a dead one
            ShellSnapshots.Save(ShellSnapshots.PathFor(_store.PendingDir, Id), before);
            _shellSnapshotStored = true;
        }
    }

    /// <summary>Records what a shell command changed since <paramref name="before"/>; returns those paths.</summary>
    public IReadOnlyList<string> AfterShell(FileSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var after = FileSnapshot.Take(_store.Workspace);
        var changed = after.ChangedSince(before);
        if (changed.Any(p => !_before.ContainsKey(p)))
        {
            Pending();
        }

        foreach (var relative in changed.Where(p => !_before.ContainsKey(p)))
        {
            if (!before.Files.TryGetValue(relative, out var old))
            {
                Record(relative, (null, null, true, "shell"));
            }
            else if (old.Content is not null)
            {
                Record(relative, (_store.PutBlob(old.Content), old.Mode, true, "shell"));
            }
            else
            {
                Record(relative, (null, old.Mode, false, "shell"));
            }
        }

        return changed;
    }

    /// <summary>Stores the turn (when anything changed), with each file's state after it, for <c>sov undo</c>.</summary>
    public void Commit()
    {
        if (_before.Count > 0)
        {
            var entries = _before.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e =>
            {
                var full = Path.Combine(_store.Workspace.Root, e.Key);
                var after = _sentAfter.TryGetValue(e.Key, out var sent) ? sent : RegularContent.HashOf(_store.Workspace.Files, full);
                return new CheckpointEntry(e.Key, e.Value.Blob, e.Value.Mode, e.Value.Captured, after, e.Value.By, _createdFolders.GetValueOrDefault(e.Key));
            }).ToList();
            _store.Save(entries, Id, _session);
            _before.Clear();
            _createdFolders.Clear();
            _sentAfter.Clear();
        }

        if (_shellSnapshotStored)
        {
            File.Delete(ShellSnapshots.PathFor(_store.PendingDir, Id));
            _shellSnapshotStored = false;
        }

        _pending?.Delete();
        _pending = null;
    }

    /// <summary>Lets go of the pending record without storing the turn, as a process that dies does.</summary>
    internal void Abandon()
    {
        _pending?.Dispose();
        _pending = null;
    }

    /// <summary>The folders above a file about to be written that do not exist yet (deepest first), which the
    /// write will make and undo may remove again (#15.9); ask before the write.</summary>
    public IReadOnlyList<string> FoldersToCreate(WorkspacePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var relative = _store.Workspace.Relative(path.FullPath);
        var missing = new List<string>();
        for (var folder = Path.GetDirectoryName(relative); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (Directory.Exists(Path.Combine(_store.Workspace.Root, folder)))
            {
                break;
            }

            missing.Add(folder);
        }

        return missing;
    }

    private PendingRecord Pending() => _pending ??= PendingRecord.Create(_store.PendingDir, Id, _session);

    /// <summary>The before-state is on disk (blob and pending line, fsynced) before the caller changes the file.</summary>
    private void Record(string relative, (string? Blob, int? Mode, bool Captured, string By) state)
    {
        Pending().Append(new PendingLine(Path: relative, BeforeBlob: state.Blob, BeforeMode: state.Mode, Captured: state.Captured, ChangedBy: state.By,
            CreatedFolders: _createdFolders.GetValueOrDefault(relative), AfterHash: state.By == "shell" ? null : _afterHash));
        _before[relative] = state;
    }
}
