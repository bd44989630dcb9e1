using Sov.Core.Files;

namespace Sov.Borders.Sandbox;

/// <summary>
/// The bubblewrap command line for one shell command: read-only root, fresh /dev and /proc, private
/// /tmp and /run (unix sockets), the workspace writable, protected paths re-bound read-only (masked when absent), the home
/// folder's secrets and the files read rules hold back masked, no network, a new PID namespace and session, killed with its parent, and
/// bash without profile or rc files. <see cref="Placeholders"/> lists the empty mount points bubblewrap
/// will create on the host for absent protected paths; the runner removes them afterwards.
/// </summary>
public sealed record SandboxProfile(IReadOnlyList<string> Argv, IReadOnlyList<string> Placeholders)
{
    public static SandboxProfile Build(SandboxSettings settings, string workingDirectory, string command, IReadOnlyList<string>? masks = null)
    {
        var (argv, placeholders) = Mounts(settings, masks, placeholdAbsent: true);
        argv.AddRange([
            "--unshare-net",
            "--unshare-pid",
            "--new-session",
            "--die-with-parent",
            "--chdir", workingDirectory,
            "--", "/bin/bash", "--noprofile", "--norc", "-c", command,
        ]);
        return new SandboxProfile(argv, placeholders);
    }

    /// <summary>
    /// The same sandbox around a long-running program (an MCP server on stdio): its own argv instead of bash,
    /// and the network only when <paramref name="network"/> (the person's choice for that server). Protected
    /// paths that exist are read-only as for commands; absent ones get no placeholder, which would sit in the
    /// workspace as an empty file (an empty <c>.git</c> breaks git) for as long as the server runs.
    /// </summary>
    public static SandboxProfile ForProgram(SandboxSettings settings, string workingDirectory, IReadOnlyList<string> program, bool network, IReadOnlyList<string>? masks = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        var (argv, placeholders) = Mounts(settings, masks, placeholdAbsent: false);
        if (!network)
        {
            argv.Add("--unshare-net");
        }

        argv.AddRange(["--unshare-pid", "--new-session", "--die-with-parent", "--chdir", workingDirectory, "--", .. program]);
        return new SandboxProfile(argv, placeholders);
    }

    private static (List<string> Argv, List<string> Placeholders) Mounts(SandboxSettings settings, IReadOnlyList<string>? masks, bool placeholdAbsent)
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
        var placeholders = new List<string>();
        foreach (var relative in ProtectedPaths.SandboxMasks)
        {
            var existing = ExistingVariants(ws, relative);
            if (existing.Count > 0)
            {
                foreach (var path in existing)
                {
                    argv.AddRange(["--ro-bind", path, path]);
                }

                continue;
            }

            var missing = placeholdAbsent ? FirstMissing(ws, relative) : null;
            if (missing is null)
            {
                continue;
            }

            if (File.Exists(missing.Value.Parent))
            {
                // `.git` is a file (a worktree or submodule pointer): keep the pointer itself read-only.
                argv.AddRange(["--ro-bind", missing.Value.Parent, missing.Value.Parent]);
                continue;
            }

            argv.AddRange(["--ro-bind", "/dev/null", missing.Value.Path]);
            placeholders.Add(missing.Value.Path);
        }

        var hidden = new List<string>();
        if (settings.Home is { Length: > 0 } home && Path.IsPathRooted(home))
        {
            foreach (var secret in SandboxSettings.HomeSecrets)
            {
                Mask(argv, Path.Combine(home, secret), hidden);
            }
        }

        foreach (var path in masks ?? [])
        {
            Mask(argv, path, hidden); // what read rules hold back: an empty read-only folder, or /dev/null for a file
        }

        return (argv, placeholders);
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

    /// <summary>Existing paths matching <paramref name="relative"/> under the root, each component in any letter case.</summary>
    private static List<string> ExistingVariants(string root, string relative)
    {
        var current = new List<string> { root };
        foreach (var part in relative.Split('/'))
        {
            var next = new List<string>();
            foreach (var dir in current.Where(Directory.Exists))
            {
                try
                {
                    next.AddRange(Directory.EnumerateFileSystemEntries(dir)
                        .Where(e => string.Equals(Path.GetFileName(e), part, StringComparison.OrdinalIgnoreCase)));
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            current = next;
        }

        return current;
    }

    private static (string Path, string Parent)? FirstMissing(string root, string relative)
    {
        var path = root;
        foreach (var part in relative.Split('/'))
        {
            var parent = path;
            path = Path.Combine(path, part);
            if (!Path.Exists(path))
            {
                return (path, parent);
            }
        }

        return null;
    }
}
