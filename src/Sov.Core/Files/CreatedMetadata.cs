namespace Sov.Core.Files;

/// <summary>
/// Version-control or editor metadata a command created where none existed (<c>git init sub</c>, a
/// <c>sub/.vscode/tasks.json</c>): the sandbox cannot bind what does not exist yet, so after the command each
/// such entry is set aside under a name nothing runs (<c>NAME.sov-set-aside</c>, numbered if taken) and
/// reported. Nothing is deleted: renaming it back is the person's decision, seen, not the model's.
/// </summary>
public static class CreatedMetadata
{
    public const string Suffix = ".sov-set-aside";

    /// <summary>Sets aside the protected entries in the workspace that <paramref name="before"/> did not list; returns (was, now) workspace-relative.</summary>
    public static IReadOnlyList<(string Was, string Now)> SetAside(Workspace workspace, IReadOnlyList<string> before, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(before);
        var known = new HashSet<string>(before, StringComparer.Ordinal);
        var moved = new List<(string, string)>();
        foreach (var path in ProtectedEntries.Find(workspace.Files, workspace.Root, cancellationToken))
        {
            if (known.Contains(path) || !ProtectedPaths.IsProtectedName(Path.GetFileName(path).TrimEnd(' ', '.')))
            {
                continue; // there before (read-only all along), or a folder a new .git file points to
            }

            var target = path + Suffix;
            for (var n = 2; Path.Exists(target) || new FileInfo(target).LinkTarget is not null; n++)
            {
                target = $"{path}{Suffix}-{n}";
            }

            try
            {
                if (Directory.Exists(path) && new FileInfo(path).LinkTarget is null)
                {
                    Directory.Move(path, target);
                }
                else
                {
                    File.Move(path, target);
                }

                moved.Add((workspace.Relative(path), workspace.Relative(target)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                moved.Add((workspace.Relative(path), "")); // could not be moved: still reported
            }
        }

        return moved;
    }
}
