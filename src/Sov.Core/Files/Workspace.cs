using Microsoft.Win32.SafeHandles;

namespace Sov.Core.Files;

/// <summary>
/// The file border. The root is fixed when the session starts (never chosen by the model) and
/// canonicalised (every symlink resolved). Every path a tool names is normalised against it; containment
/// compares whole path components (<c>/w/proj-evil</c> is not inside <c>/w/proj</c>); a path is judged
/// both as written and where its symlinks really lead, so no component can be a symlink leading outside
/// or into a protected path (<see cref="ProtectedPaths"/>, read-only in any letter case). Opening checks
/// again after the fact: the kernel's own record of the opened file (<c>/proc/self/fd</c>) must still be
/// where the check said, so a symlink swapped in between is caught. Writes are atomic (<see cref="AtomicFile"/>).
/// </summary>
public sealed class Workspace
{
    public Workspace(string root, IFileSystem files)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(files);
        Files = files;
        Root = Path.TrimEndingDirectorySeparator(RealPath.Resolve(Path.GetFullPath(root), files));
        if (Root.Length == 0)
        {
            Root = "/";
        }
    }

    /// <summary>The system calls the border makes (byte-level names, non-waiting opens, folder locks).</summary>
    public IFileSystem Files { get; }

    /// <summary>The canonical absolute root, without a trailing separator.</summary>
    public string Root { get; }

    /// <summary>True when <paramref name="fullPath"/> is the root or below it, by whole components.</summary>
    public bool Contains(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        var p = Path.TrimEndingDirectorySeparator(Path.GetFullPath(fullPath));
        return p == Root || p.StartsWith(Root == "/" ? "/" : Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>The absolute path for a tool argument (relative to the root, or absolute); throws when outside.</summary>
    public string Resolve(string path)
    {
        var inspected = Inspect(path);
        if (!inspected.Inside)
        {
            throw Outside(inspected);
        }

        return inspected.FullPath;
    }

    /// <summary>The path relative to the root, with '/' separators ("." for the root itself). A backslash is part of a name on Linux (and of the escape for names that are not UTF-8), never a separator.</summary>
    public string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath) is var relative && OperatingSystem.IsWindows() ? relative.Replace('\\', '/') : relative;

    /// <summary>How the border sees a path, inside or not; throws only for paths no file system accepts.</summary>
    public WorkspacePath Inspect(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new WorkspaceException($"Path contains a NUL character: {path}");
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? "." : path, Root));
        var real = RealPath.Resolve(full, Files);
        var inside = Contains(full) && Contains(real);
        var isProtected = (Contains(full) && ProtectedPaths.IsProtected(Relative(full)))
            || (Contains(real) && ProtectedPaths.IsProtected(Relative(real)));
        var display = inside ? Relative(full) : full;
        return new WorkspacePath(path, full, real, display, inside, isProtected);
    }

    /// <summary>A path a tool may write: inside (also after symlinks) and not protected; otherwise a helpful refusal.</summary>
    public WorkspacePath ForWrite(string path)
    {
        var p = Inspect(path);
        if (!p.Inside)
        {
            throw Outside(p);
        }

        if (p.Protected)
        {
            throw new WorkspaceException(
                $"{p.Display} is a protected path: git config and hooks, .gitmodules, .sov/ and editor settings are read-only to every tool. Leave it unchanged and tell the person what you wanted to change.");
        }

        if (Files.Kind(p.FullPath) == FileKind.Folder)
        {
            throw new WorkspaceException($"{p.Display} is a folder; give the path of a file inside it.");
        }

        return p;
    }

    /// <summary>
    /// Opens a file for reading and re-checks what was opened. A path outside the workspace may be read
    /// only with <paramref name="outsideApproved"/> (the person approved it).
    /// </summary>
    public FileStream OpenRead(WorkspacePath path, bool outsideApproved = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.Inside && !outsideApproved)
        {
            throw Outside(path);
        }

        SafeFileHandle handle;
        try
        {
            handle = Files.OpenRead(path.FullPath);
        }
        catch (IOException e)
        {
            throw new WorkspaceException($"{path.Display}: {PlainErrors.Describe(e)}");
        }

        try
        {
            if (Files.NotRegular(handle, out _) is { } notRegular)
            {
                throw new WorkspaceException($"{path.Display} cannot be read: {notRegular}.");
            }

            var opened = Files.OpenedPath(handle);
            if (opened != path.RealPath || (!outsideApproved && !Contains(opened)))
            {
                throw new WorkspaceException($"{path.Display} changed while it was being opened (now leads to {opened}); refused.");
            }

            return new FileStream(handle, FileAccess.Read, bufferSize: 0);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Reads all bytes through <see cref="OpenRead"/>.</summary>
    public async Task<byte[]> ReadAllBytesAsync(WorkspacePath path, bool outsideApproved, CancellationToken cancellationToken)
    {
        await using var stream = OpenRead(path, outsideApproved);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>Writes a file atomically, keeping its mode, after <see cref="ForWrite"/>'s checks, re-checked at open.</summary>
    public void WriteAtomic(WorkspacePath path, ReadOnlySpan<byte> content) => Replace(path, content, checkBefore: false, expectedBefore: null, beforeWrite: null);

    /// <summary>
    /// Writes a file atomically if it still holds <paramref name="expectedBefore"/> (null: it must not exist).
    /// The check, <paramref name="beforeWrite"/> (the undo checkpoint) and the rename happen under an exclusive
    /// lock on the file's folder, which every Sovereign process takes to write there, so of two sessions editing
    /// one file, the second is refused instead of overwriting the first (issue #13 item 2).
    /// </summary>
    public void Replace(WorkspacePath path, ReadOnlySpan<byte> content, byte[]? expectedBefore, Action? beforeWrite) =>
        Replace(path, content, checkBefore: true, expectedBefore, beforeWrite);

    private void Replace(WorkspacePath path, ReadOnlySpan<byte> content, bool checkBefore, byte[]? expectedBefore, Action? beforeWrite)
    {
        var folder = PrepareWrite(path);
        var checkedPath = path; // PrepareWrite found it leading where it did
        using var held = Files.LockFolder(folder);
        if (checkBefore && !StillHolds(checkedPath, expectedBefore))
        {
            throw new WorkspaceException(
                $"{path.Display} changed by another process since this edit read it; nothing was written. Read it again and retry.");
        }

        beforeWrite?.Invoke();
        Files.WriteAtomic(checkedPath.RealPath, content, opened =>
        {
            // The temporary file must really be in the checked folder, inside the workspace.
            var where = Path.GetDirectoryName(Files.OpenedPath(opened));
            if (where != folder || !Contains(where))
            {
                throw new WorkspaceException($"{path.Display}: its folder changed while writing; refused.");
            }
        });
    }

    /// <summary>
    /// Re-checks a path <see cref="ForWrite"/> let through (it must still lead where it did) and creates its folder when missing,
    /// checking again after; returns the folder. Writers that do not go through <see cref="Replace"/> (the editor's, #18) call it first.
    /// </summary>
    public string PrepareWrite(WorkspacePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var checkedPath = ForWrite(path.Requested);
        if (checkedPath.FullPath != path.FullPath || checkedPath.RealPath != path.RealPath)
        {
            throw new WorkspaceException($"{path.Display} changed since it was checked; refused.");
        }

        return MakeFolder(path, checkedPath);
    }

    private string MakeFolder(WorkspacePath path, WorkspacePath checkedPath)
    {
        var folder = Path.GetDirectoryName(checkedPath.RealPath) ?? Root;
        if (Files.Kind(folder) != FileKind.Folder)
        {
            Directory.CreateDirectory(FileNames.AsText(folder)
                ?? throw new WorkspaceException($"{path.Display}: its folder does not exist, and a folder whose name is not UTF-8 cannot be created; choose another name."));
        }

        var afterCreate = Inspect(path.Requested);
        if (!afterCreate.Inside || afterCreate.Protected || afterCreate.RealPath != checkedPath.RealPath)
        {
            throw new WorkspaceException($"{path.Display} changed while its folder was created; refused.");
        }

        return folder;
    }

    /// <summary>True when a file (not a folder) is at the path now; names that are not UTF-8 included.</summary>
    public bool Exists(WorkspacePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Files.Kind(path.FullPath) is FileKind.File or FileKind.Other;
    }

    /// <summary>True when the file holds exactly <paramref name="expected"/> now (null: it does not exist).</summary>
    private bool StillHolds(WorkspacePath path, byte[]? expected)
    {
        if (Files.Kind(path.RealPath) == FileKind.None)
        {
            return expected is null;
        }

        if (expected is null)
        {
            return false;
        }

        using var stream = OpenRead(path);
        using var now = new MemoryStream();
        stream.CopyTo(now);
        return now.GetBuffer().AsSpan(0, (int)now.Length).SequenceEqual(expected);
    }

    private WorkspaceException Outside(WorkspacePath p) =>
        new(p.FullPath != p.RealPath && Contains(p.FullPath)
            ? $"{p.Requested} is a symlink (or passes through one) leading outside the workspace {Root}, to {p.RealPath}; refused."
            : $"Path is outside the workspace {Root}: {p.Requested}. Use a path inside it (relative paths are resolved against it).");
}
