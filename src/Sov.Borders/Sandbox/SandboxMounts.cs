using Sov.Borders.FileSystem;
using Sov.Core.Files;

namespace Sov.Borders.Sandbox;

/// <summary>
/// The mounts of <see cref="SandboxProfile"/>, in the order bubblewrap must apply them: the read-only root
/// and private system folders; the workspace; the folders holding masked files bound onto themselves (a
/// mount point cannot be renamed, so a held-back file cannot be moved out from under its mask); every
/// protected entry read-only; placeholders masking the absent top-level ones; then the masks.
/// </summary>
internal static class SandboxMounts
{
    public static (List<string> Argv, List<string> Placeholders) For(SandboxSettings settings, IReadOnlyList<string>? masks, bool placeholdAbsent, IReadOnlyList<string>? protectedEntries = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var ws = settings.Workspace;
        var argv = new List<string>
        {
            settings.BubblewrapPath,
            "--ro-bind", "/", "/",
            "--dev", "/dev",
            "--proc", "/proc",
            "--tmpfs", "/tmp",
            // Unix sockets ignore read-only mounts and network namespaces: hide the ones under /run
            // (docker.sock, D-Bus, systemd, $XDG_RUNTIME_DIR) so they cannot carry data out.
            "--tmpfs", "/run",
            "--bind", ws, ws,
        };

        var held = (masks ?? []).Where(m => m.StartsWith(ws + "/", StringComparison.Ordinal)).ToList();
        foreach (var folder in PinnedFolders(ws, held))
        {
            argv.AddRange(["--bind", folder, folder]);
        }

        foreach (var entry in protectedEntries ?? ProtectedEntries.Find(new NativeFileSystem(), ws))
        {
            ReadOnly(argv, entry, ws);
        }

        var placeholders = new List<string>();
        if (placeholdAbsent)
        {
            var present = TopLevelNames(ws);
            foreach (var name in ProtectedPaths.TopLevel.Where(n => !present.Contains(n)))
            {
                var path = Path.Combine(ws, name);
                argv.AddRange(["--ro-bind", "/dev/null", path]);
                placeholders.Add(path);
            }
        }

        var hidden = new List<string>();
        foreach (var secret in HomeSecretPaths(settings.Home))
        {
            MaskAround(argv, secret, ws, hidden);
        }

        foreach (var folder in settings.PrivateFolders)
        {
            MaskAround(argv, folder, ws, hidden);
        }

        foreach (var path in masks ?? [])
        {
            Mask(argv, path, hidden); // what read rules hold back: an empty read-only folder, or /dev/null for a file
        }

        return (argv, placeholders);
    }

    /// <summary>Every folder between the workspace root (bound already) and each held-back path, outermost first.</summary>
    private static IEnumerable<string> PinnedFolders(string ws, List<string> held)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in held)
        {
            for (var dir = Path.GetDirectoryName(path); dir is not null && dir.Length > ws.Length; dir = Path.GetDirectoryName(dir))
            {
                if (!folders.Add(dir))
                {
                    break;
                }
            }
        }

        return folders; // ordinal order puts a parent before its children
    }

    /// <summary>
    /// A protected entry read-only. A symlink: where it leads when that is inside the workspace; when it
    /// leads nowhere, the folder holding it, so a command cannot create what it names.
    /// </summary>
    private static void ReadOnly(List<string> argv, string entry, string ws)
    {
        var info = new FileInfo(entry);
        if (info.LinkTarget is null)
        {
            argv.AddRange(["--ro-bind", entry, entry]);
            return;
        }

        var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        if (target is not null && Path.Exists(target))
        {
            if (target.StartsWith(ws + "/", StringComparison.Ordinal))
            {
                argv.AddRange(["--ro-bind", target, target]);
            }

            return; // outside the workspace everything is read-only already
        }

        var folder = Path.GetDirectoryName(entry)!;
        argv.AddRange(["--ro-bind", folder, folder]);
    }

    private static HashSet<string> TopLevelNames(string ws)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(ws))
            {
                names.Add(Path.GetFileName(entry).TrimEnd(' ', '.').ToLowerInvariant());
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return names;
    }

    private static IEnumerable<string> HomeSecretPaths(string? home)
    {
        if (home is not { Length: > 0 } || !Path.IsPathRooted(home))
        {
            yield break;
        }

        foreach (var secret in SandboxSettings.HomeSecrets)
        {
            if (!secret.EndsWith('*'))
            {
                yield return Path.Combine(home, secret);
                continue;
            }

            var folder = Path.GetDirectoryName(Path.Combine(home, secret))!;
            var prefix = Path.GetFileName(secret).TrimEnd('*');
            IEnumerable<string> matches;
            try
            {
                matches = Directory.Exists(folder) ? Directory.EnumerateFileSystemEntries(folder, prefix + "*").ToList() : [];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                matches = [];
            }

            foreach (var match in matches)
            {
                yield return match;
            }
        }
    }

    /// <summary>
    /// Masks <paramref name="path"/>; when the workspace lies inside it, masks everything in it but the way
    /// down to the workspace instead (a mask over the workspace would hide it).
    /// </summary>
    private static void MaskAround(List<string> argv, string path, string ws, List<string> hidden)
    {
        if (ws == path)
        {
            return;
        }

        if (!ws.StartsWith(path.TrimEnd('/') + "/", StringComparison.Ordinal))
        {
            Mask(argv, path, hidden);
            return;
        }

        try
        {
            foreach (var child in Directory.EnumerateFileSystemEntries(path).ToList())
            {
                MaskAround(argv, child, ws, hidden);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Hides <paramref name="path"/> (a symlink: where it finally leads, which is what reading it would reach):
    /// a folder becomes an empty read-only one, a file /dev/null. A dangling link has nothing to hide, and a path
    /// inside a folder already hidden (<paramref name="hidden"/>) is hidden already; mounting over either would
    /// make bubblewrap fail or create the missing target on the host.
    /// </summary>
    private static void Mask(List<string> argv, string path, List<string> hidden)
    {
        var info = new FileInfo(path);
        var p = info.LinkTarget is null ? path : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        if (p is null || hidden.Exists(h => p == h || p.StartsWith(h + "/", StringComparison.Ordinal)))
        {
            return;
        }

        if (Directory.Exists(p))
        {
            argv.AddRange(["--tmpfs", p, "--remount-ro", p]);
            hidden.Add(p);
        }
        else if (File.Exists(p))
        {
            argv.AddRange(["--ro-bind", "/dev/null", p]);
        }
    }
}
