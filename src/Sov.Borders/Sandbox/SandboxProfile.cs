using Sov.Borders.Sandbox.Seccomp;

namespace Sov.Borders.Sandbox;

/// <summary>
/// The bubblewrap command line for one shell command: a user namespace with every capability dropped (as
/// root too), the seccomp filter (<see cref="SeccompFilter"/>), read-only root, fresh /dev and /proc, private
/// /tmp and /run (unix sockets), the workspace writable, version-control and editor metadata read-only at any
/// depth (the top-level ones masked when absent), the home folder's secrets, Sovereign's own folders and the
/// files read rules hold back masked (their folders pinned so they cannot be renamed away from their masks),
/// no network, new PID and IPC namespaces and session, killed with its parent, and bash without profile or rc
/// files. <see cref="Placeholders"/> lists the empty mount points bubblewrap will create on the host for
/// absent protected paths; the runner removes them afterwards.
/// </summary>
public sealed record SandboxProfile(IReadOnlyList<string> Argv, IReadOnlyList<string> Placeholders)
{
    /// <param name="protectedEntries">The protected entries of the workspace when the caller has just listed them; otherwise they are looked for here.</param>
    public static SandboxProfile Build(SandboxSettings settings, string workingDirectory, string command, IReadOnlyList<string>? masks = null, IReadOnlyList<string>? protectedEntries = null)
    {
        var (argv, placeholders) = SandboxMounts.For(settings, masks, placeholdAbsent: true, protectedEntries);
        argv.Add("--unshare-net");
        return Finish(argv, placeholders, workingDirectory, ["/bin/bash", "--noprofile", "--norc", "-c", command]);
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
        var (argv, placeholders) = SandboxMounts.For(settings, masks, placeholdAbsent: false);
        if (!network)
        {
            argv.Add("--unshare-net");
        }

        return Finish(argv, placeholders, workingDirectory, program);
    }

    private static SandboxProfile Finish(List<string> argv, List<string> placeholders, string workingDirectory, IReadOnlyList<string> program)
    {
        argv.AddRange(["--unshare-user", "--unshare-ipc", "--unshare-pid", "--new-session", "--die-with-parent", "--cap-drop", "ALL"]);
        var filter = SeccompFile.Shared;
        if (filter is not null)
        {
            argv.AddRange(["--seccomp", "3"]);
        }

        argv.AddRange(["--chdir", workingDirectory, "--", .. program]);
        return new SandboxProfile(filter is null ? argv : filter.Wrap(argv), placeholders);
    }
}
