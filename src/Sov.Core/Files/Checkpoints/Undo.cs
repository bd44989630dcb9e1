using Sov.Core.Files;

namespace Sov.Core.Files.Checkpoints;

/// <summary>
/// Restores the newest turn's checkpoint: files come back to their content and mode before the turn,
/// files the turn created are removed. A file changed again since the turn ended is left alone (and
/// reported), so undo never destroys later work. The turn is then dropped, so a second undo goes one further back.
/// </summary>
public static class Undo
{
    /// <summary>The umask assumed when the caller does not pass the process's own.</summary>
    public const int DefaultUmask = 0b000_010_010; // 0022

    /// <param name="umask">The person's umask: a restored mode never grants what it withholds, nor setuid, setgid or sticky bits.</param>
    /// <param name="session">When given, the newest checkpoint must be this session's (a session's own /undo), checked
    /// on the very manifest that is restored; another session's turn is refused and left alone.</param>
    public static UndoReport? Last(CheckpointStore store, int umask = DefaultUmask, string? session = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var manifest = store.Latest();
        if (manifest is null)
        {
            return null;
        }

        if (session is not null && manifest.Session is { } owner && owner != session)
        {
            throw new SovException($"The last turn in this workspace belongs to session {owner}, not this one: nothing was undone.",
                "Undo it in that session, or run 'sov undo' once it has ended.", ExitCodes.Failed);
        }

        if (manifest.Workspace != store.Workspace.Root)
        {
            throw new SovException($"The newest checkpoint names another workspace ({manifest.Workspace}); nothing was restored.",
                "Its manifest was changed or copied: remove it from the checkpoints folder to go further back.", ExitCodes.Failed);
        }

        var restored = new List<string>();
        var removed = new List<string>();
        var skipped = new List<string>();
        foreach (var entry in manifest.Entries)
        {
            var path = store.Workspace.Inspect(entry.Path);
            if (!path.Inside || path.Protected)
            {
                skipped.Add($"{entry.Path} (outside the workspace or protected now)");
                continue;
            }

            var current = RegularContent.ReadShown(store.Workspace.Files, path.FullPath).Hash;
            if (current != entry.AfterHash)
            {
                skipped.Add($"{entry.Path} (changed since that turn; left as it is)");
                continue;
            }

            if (!entry.Captured)
            {
                skipped.Add($"{entry.Path} (its state before that turn was not captured: too large, or not a regular file)");
                continue;
            }

            if (entry.BeforeBlob is null)
            {
                if (current is not null)
                {
                    File.Delete(path.FullPath);
                    removed.Add(entry.Path);
                    RemoveEmptyFolders(store.Workspace, entry.CreatedFolders);
                }

                continue;
            }

            if (store.GetBlob(entry.BeforeBlob) is not { } content)
            {
                skipped.Add($"{entry.Path} (its saved content is missing, altered or not named by its hash; left as it is)");
                continue;
            }

            store.Workspace.WriteAtomic(store.Workspace.ForWrite(entry.Path), content);
            if (entry.BeforeMode is { } mode && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path.FullPath, (UnixFileMode)(mode & 0b111_111_111 & ~umask));
            }

            restored.Add(entry.Path);
        }

        store.Remove(manifest.Sequence);
        return new UndoReport(restored, removed, skipped).With(manifest);
    }

    /// <summary>Folders the turn's write created, removed again (deepest first) when nothing else is in them.</summary>
    private static void RemoveEmptyFolders(Workspace workspace, IReadOnlyList<string>? folders)
    {
        foreach (var folder in folders ?? [])
        {
            var inspected = workspace.Inspect(folder);
            if (!inspected.Inside || inspected.Protected || !Directory.Exists(inspected.FullPath)
                || Directory.EnumerateFileSystemEntries(inspected.FullPath).Any())
            {
                return; // a folder with something in it now stays, and so do the ones above it
            }

            try
            {
                Directory.Delete(inspected.FullPath);
            }
            catch (IOException)
            {
                return; // something appeared in it meanwhile: it stays, and the files were undone all the same
            }
        }
    }
}
