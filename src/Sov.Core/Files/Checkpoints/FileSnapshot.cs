using System.Security.Cryptography;
using Sov.Core.Files.Walk;

namespace Sov.Core.Files.Checkpoints;

/// <summary>
/// The state of the workspace's files before a shell command: size, time and mode of every file (the
/// <c>.git</c> folder aside), and the content of small files within a budget, so the command's changes
/// can be listed afterwards and restored where their content was captured.
/// </summary>
public sealed class FileSnapshot
{
    public const long MaxFileBytes = 1024 * 1024;
    public const long MaxTotalBytes = 64L * 1024 * 1024;
    public const int MaxFiles = 50_000;

    private FileSnapshot(Dictionary<string, FileState> files, bool complete)
    {
        Files = files;
        Complete = complete;
    }

    /// <summary>Workspace-relative path to state.</summary>
    public IReadOnlyDictionary<string, FileState> Files { get; }

    /// <summary>False when the walk stopped at <see cref="MaxFiles"/>: a file missing from it may exist.</summary>
    public bool Complete { get; }

    /// <summary>A snapshot as stored (a pending record's, #13.7).</summary>
    internal static FileSnapshot From(Dictionary<string, FileState> files, bool complete) => new(files, complete);

    public static FileSnapshot Take(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var files = new Dictionary<string, FileState>(StringComparer.Ordinal);
        long budget = MaxTotalBytes;
        var complete = true;
        foreach (var file in Walk(workspace))
        {
            if (files.Count >= MaxFiles)
            {
                complete = false;
                break;
            }

            long length, ticks;
            int? mode;
            try
            {
                (length, ticks, mode) = (file.Length, file.LastWriteTimeUtc.Ticks, ModeOf(file.FullName));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // gone since it was listed
            }

            var relative = workspace.Relative(file.FullName);
            byte[]? content = null;
            if (length <= MaxFileBytes && length <= budget)
            {
                try
                {
                    content = RegularContent.Read(workspace.Files, file.FullName).Content;
                    budget -= content?.Length ?? 0;
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            files[relative] = new FileState(length, ticks, mode, content);
        }

        return new FileSnapshot(files, complete);
    }

    /// <summary>Paths whose state differs between two snapshots (changed, created or deleted), sorted.</summary>
    public IReadOnlyList<string> ChangedSince(FileSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, state) in Files)
        {
            if (!before.Files.TryGetValue(path, out var old) || !old.SameAs(state))
            {
                changed.Add(path);
            }
        }

        changed.UnionWith(before.Files.Keys.Where(p => !Files.ContainsKey(p)));
        return changed.ToList();
    }

    /// <summary>
    /// The workspace's regular files (not symlinks, not FIFOs, sockets or devices, whose reading could block for ever,
    /// not inside a <c>.git</c> folder), walked by the one <see cref="TreeWalker"/>.
    /// </summary>
    internal static IEnumerable<FileInfo> Walk(Workspace workspace) =>
        new TreeWalker(workspace.Files)
            .Walk(TreeWalker.Shown(workspace.Root), "", ignores: null, static e => !e.Name.Equals(".git", StringComparison.OrdinalIgnoreCase), unreadable: null, CancellationToken.None)
            .Where(static e => !e.Entry.IsFolder && !e.Entry.IsLink && !e.Entry.IsSpecial && e.TextPath is not null)
            .Select(static e => new FileInfo(e.TextPath!));

    internal static int? ModeOf(string path) =>
        OperatingSystem.IsWindows() ? null : (int)File.GetUnixFileMode(path);

    internal static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
