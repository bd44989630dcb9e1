namespace Sov.Core.Files.Checkpoints;

/// <summary>
/// What a start does with turns whose process died mid-turn (#13.7): each unlocked pending record becomes an
/// interrupted checkpoint (the state after is what is on disk now, so <c>sov undo</c> restores every file it
/// names: changed ones wholly back, created ones removed) and the temporary files of killed atomic writes
/// are removed from the folders the turn wrote to and from the store's own folders, by exact name pattern.
/// </summary>
internal static class Recovery
{
    public static IReadOnlyList<InterruptedTurn> Run(CheckpointStore store)
    {
        var found = new List<InterruptedTurn>();
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var dead = 0;
        if (Directory.Exists(store.PendingDir))
        {
            foreach (var path in Directory.EnumerateFiles(store.PendingDir, "*.jsonl").Order(StringComparer.Ordinal))
            {
                var turn = RecoverOne(store, path, folders, out var wasDead);
                dead += wasDead ? 1 : 0;
                if (turn is not null)
                {
                    found.Add(turn);
                }
            }
        }

        // A turn records its pending file before anything else it writes, so the store's own folders can hold a
        // killed write's temporary file only when a dead turn was found: otherwise they are left to live sessions.
        // (A pending record's own temporary file is locked from its creation to its process's end.)
        StaleTempFiles.Remove(store.Workspace, folders, dead > 0 ? store.OwnFolders : [store.PendingDir]);
        return found;
    }

    /// <summary>The turn stored, if it changed anything; <paramref name="dead"/>: the record was a dead turn's (not locked by a live one, not gone).</summary>
    private static InterruptedTurn? RecoverOne(CheckpointStore store, string path, HashSet<string> folders, out bool dead)
    {
        dead = false;
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null; // locked: its turn is running in another process (or it is gone already)
        }

        using (stream)
        {
            if (!File.Exists(path))
            {
                return null; // another start recovered it while this one waited for the lock
            }

            var lines = PendingRecord.Read(stream);
            var header = lines.FirstOrDefault(l => l.Turn is not null);
            if (header?.Turn is not { } turnId || store.HasTurn(turnId))
            {
                if (header?.Turn is { } stored)
                {
                    File.Delete(ShellSnapshots.PathFor(store.PendingDir, stored));
                }

                File.Delete(path);
                dead = true;
                return null;
            }

            var entries = new List<CheckpointEntry>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in lines.Where(l => l.Path is not null && seen.Add(l.Path)))
            {
                // A killed write leaves its temporary file beside the target whether or not the write landed (one
                // killed before its rename is exactly one that did not), so its folder is swept either way.
                if (line.ChangedBy != "shell" && Path.GetDirectoryName(line.Path!) is { } folder)
                {
                    folders.Add(Path.Combine(store.Workspace.Root, folder));
                }

                var full = Path.Combine(store.Workspace.Root, line.Path!);
                var now = RegularContent.HashOf(store.Workspace.Files, full);
                if (now == line.BeforeBlob && line.Captured)
                {
                    continue; // the write never landed: nothing of this turn to undo here
                }

                // A tool's writes name their results: what is on disk now counts only if it is one of them, so an
                // edit the person made after the crash is "changed since" to undo, never reverted. (Shell changes
                // have no named result: what is there now is taken as the command's.)
                var results = lines.Where(l => l.Path == line.Path && l.AfterHash is not null).Select(l => l.AfterHash!).ToList();
                var after = results.Count == 0 || results.Contains(now!) ? now : results[^1];
                entries.Add(new CheckpointEntry(line.Path!, line.BeforeBlob, line.BeforeMode, line.Captured, after, line.ChangedBy ?? "unknown", line.CreatedFolders));
            }

            var snapshotPath = ShellSnapshots.PathFor(store.PendingDir, turnId);
            if (ShellSnapshots.Load(snapshotPath) is { } beforeShell)
            {
                entries.AddRange(ShellSnapshots.Changes(store, beforeShell, seen).ToList());
            }

            InterruptedTurn? result = null;
            if (entries.Count > 0)
            {
                entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
                var sequence = store.Save(entries, turnId, header.Session, interrupted: true);
                result = new InterruptedTurn(turnId, header.Session, sequence, [.. entries.Select(e => e.Path)]);
            }

            File.Delete(snapshotPath);
            File.Delete(path);
            dead = true;
            return result;
        }
    }
}
