using System.Text.Json;

namespace Sov.Core.Files.Checkpoints;

/// <summary>
/// Stores and reads a turn's <see cref="ShellSnapshotFile"/>, and finds what a shell command killed mid-run
/// changed since it: changed and deleted files come back from the stored content (listed, not restored, when
/// too large to have been kept); files it created are removed, unless the stored walk stopped at its cap (#13.7).
/// </summary>
internal static class ShellSnapshots
{
    public static string PathFor(string pendingDir, string turn) => Path.Combine(pendingDir, turn + ".shell.json");

    public static void Save(string path, FileSnapshot snapshot)
    {
        var file = new ShellSnapshotFile(snapshot.Complete, [.. snapshot.Files.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => new ShellSnapshotEntry(f.Key, f.Value.Size, f.Value.WriteTicks, f.Value.Mode, f.Value.Content))]);
        AtomicFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(file, PendingJsonContext.Default.ShellSnapshotFile), createMode: PrivateFiles.File600);
    }

    public static FileSnapshot? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var file = JsonSerializer.Deserialize(File.ReadAllBytes(path), PendingJsonContext.Default.ShellSnapshotFile);
            return file is null ? null : FileSnapshot.From(
                file.Files.ToDictionary(f => f.Path, f => new FileState(f.Size, f.WriteTicks, f.Mode, f.Content), StringComparer.Ordinal),
                file.Complete);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Entries for the files changed since <paramref name="before"/> that <paramref name="known"/> does not hold already.</summary>
    public static IEnumerable<CheckpointEntry> Changes(CheckpointStore store, FileSnapshot before, IReadOnlySet<string> known)
    {
        var now = FileSnapshot.Take(store.Workspace);
        foreach (var path in now.ChangedSince(before).Where(p => !known.Contains(p)))
        {
            var full = Path.Combine(store.Workspace.Root, path);
            var after = RegularContent.HashOf(store.Workspace.Files, full);
            if (!before.Files.TryGetValue(path, out var old))
            {
                if (before.Complete)
                {
                    yield return new CheckpointEntry(path, null, null, true, after, "shell");
                }
            }
            else if (old.Content is not null)
            {
                yield return new CheckpointEntry(path, store.PutBlob(old.Content), old.Mode, true, after, "shell");
            }
            else
            {
                yield return new CheckpointEntry(path, null, old.Mode, false, after, "shell");
            }
        }
    }
}
