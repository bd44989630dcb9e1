namespace Sov.Core.Files.Checkpoints;

/// <summary>
/// Removes the temporary files killed atomic writes left behind (#13.7): only names of Sovereign's exact
/// pattern (<see cref="AtomicFile.IsTempName"/>), only regular files, only directly in the folders given
/// (never a walk of the workspace), only inside the workspace or the checkpoint store, and never one a
/// running write still holds locked.
/// </summary>
internal static class StaleTempFiles
{
    /// <param name="workspaceFolders">Folders of the workspace the turn wrote to (absolute).</param>
    /// <param name="ownFolders">The checkpoint store's own folders.</param>
    public static int Remove(Workspace workspace, IEnumerable<string> workspaceFolders, IEnumerable<string> ownFolders)
    {
        var removed = 0;
        foreach (var folder in workspaceFolders.Where(f => InsideWorkspace(workspace, f)).Concat(ownFolders).Distinct(StringComparer.Ordinal))
        {
            if (!Directory.Exists(folder) || new DirectoryInfo(folder).LinkTarget is not null)
            {
                continue;
            }

            foreach (var file in new DirectoryInfo(folder).EnumerateFiles(".*.sov-*", new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true }))
            {
                if (AtomicFile.IsTempName(file.Name) && file.LinkTarget is null && !FileLocks.IsHeld(file.FullName))
                {
                    file.Delete();
                    removed++;
                }
            }
        }

        return removed;
    }

    private static bool InsideWorkspace(Workspace workspace, string folder)
    {
        var full = Path.GetFullPath(folder);
        var inspected = workspace.Inspect(Path.GetRelativePath(workspace.Root, full));
        return inspected.Inside && !inspected.Protected && inspected.RealPath == full;
    }
}
