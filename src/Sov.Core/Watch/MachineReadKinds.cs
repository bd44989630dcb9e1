namespace Sov.Core.Watch;

/// <summary>
/// Classifies a path read outside the workspace by what it reveals. Home-relative entries match under the
/// command's HOME and any usual home folder (<c>/root/.ssh</c>, <c>/home/ana/.ssh/id_ed25519</c>). Paths that reveal nothing listed
/// (libraries, locale data, /etc/nsswitch.conf which libc reads for any user or host lookup) give null.
/// </summary>
public static class MachineReadKinds
{
    private static readonly (string Prefix, MachineReadKind Kind)[] SystemPaths =
    [
        ("/etc/localtime", MachineReadKind.TimeZone),
        ("/etc/timezone", MachineReadKind.TimeZone),
        ("/usr/share/zoneinfo", MachineReadKind.TimeZone),
        ("/etc/hostname", MachineReadKind.HostIdentity),
        ("/etc/machine-id", MachineReadKind.HostIdentity),
        ("/var/lib/dbus/machine-id", MachineReadKind.HostIdentity),
        ("/sys/class/dmi", MachineReadKind.HostIdentity),
        ("/sys/devices/virtual/dmi", MachineReadKind.HostIdentity),
        ("/proc/cpuinfo", MachineReadKind.HostIdentity),
        ("/proc/sys/kernel/hostname", MachineReadKind.HostIdentity),
        ("/proc/sys/kernel/random/boot_id", MachineReadKind.HostIdentity),
        ("/proc/version", MachineReadKind.HostIdentity),
        ("/sys/class/net", MachineReadKind.HostIdentity),
        ("/etc/os-release", MachineReadKind.HostIdentity),
        ("/usr/lib/os-release", MachineReadKind.HostIdentity),
        ("/etc/resolv.conf", MachineReadKind.NetworkConfig),
        ("/etc/hosts", MachineReadKind.NetworkConfig),
        ("/etc/gai.conf", MachineReadKind.NetworkConfig),
        ("/etc/host.conf", MachineReadKind.NetworkConfig),
        ("/etc/environment", MachineReadKind.NetworkConfig),
        ("/etc/wgetrc", MachineReadKind.NetworkConfig),
        ("/etc/apt/apt.conf", MachineReadKind.NetworkConfig),
        ("/etc/NetworkManager", MachineReadKind.NetworkConfig),
        ("/etc/network", MachineReadKind.NetworkConfig),
        ("/etc/systemd/resolved.conf", MachineReadKind.NetworkConfig),
        ("/proc/net", MachineReadKind.NetworkConfig),
        ("/etc/shadow", MachineReadKind.Credentials),
        ("/etc/gshadow", MachineReadKind.Credentials),
    ];

    private static readonly (string Entry, MachineReadKind Kind)[] HomePaths =
    [
        (".ssh", MachineReadKind.Credentials),
        (".aws", MachineReadKind.Credentials),
        (".azure", MachineReadKind.Credentials),
        (".kube", MachineReadKind.Credentials),
        (".gnupg", MachineReadKind.Credentials),
        (".docker", MachineReadKind.Credentials),
        (".netrc", MachineReadKind.Credentials),
        (".npmrc", MachineReadKind.Credentials),
        (".pypirc", MachineReadKind.Credentials),
        (".git-credentials", MachineReadKind.Credentials),
        (".config/gh", MachineReadKind.Credentials),
        (".config/gcloud", MachineReadKind.Credentials),
        (".config/hub", MachineReadKind.Credentials),
        (".mozilla", MachineReadKind.Credentials),
        (".config/google-chrome", MachineReadKind.Credentials),
        (".config/chromium", MachineReadKind.Credentials),
        (".config/BraveSoftware", MachineReadKind.Credentials),
        (".config/microsoft-edge", MachineReadKind.Credentials),
        (".password-store", MachineReadKind.Credentials),
        (".local/share/keyrings", MachineReadKind.Credentials),
        (".bash_history", MachineReadKind.ShellHistory),
        (".zsh_history", MachineReadKind.ShellHistory),
        (".zhistory", MachineReadKind.ShellHistory),
        (".history", MachineReadKind.ShellHistory),
        (".sh_history", MachineReadKind.ShellHistory),
        (".local/share/fish/fish_history", MachineReadKind.ShellHistory),
        (".python_history", MachineReadKind.ShellHistory),
        (".node_repl_history", MachineReadKind.ShellHistory),
        (".psql_history", MachineReadKind.ShellHistory),
        (".mysql_history", MachineReadKind.ShellHistory),
        (".lesshst", MachineReadKind.ShellHistory),
        (".curlrc", MachineReadKind.NetworkConfig),
        (".wgetrc", MachineReadKind.NetworkConfig),
    ];

    public static MachineReadKind? Classify(string path, string? home = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var (prefix, kind) in SystemPaths)
        {
            if (Under(path, prefix))
            {
                return kind;
            }
        }

        var relative = home is { Length: > 1 } && path.StartsWith(home.TrimEnd('/') + "/", StringComparison.Ordinal)
            ? path[(home.TrimEnd('/').Length + 1)..]
            : HomeRelative(path);
        if (relative is null)
        {
            return null;
        }

        foreach (var (entry, kind) in HomePaths)
        {
            if (Under(relative, entry))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The part after <c>/root/</c> or <c>/home/NAME/</c>, or null.</summary>
    private static string? HomeRelative(string path)
    {
        if (path.StartsWith("/root/", StringComparison.Ordinal))
        {
            return path["/root/".Length..];
        }

        if (!path.StartsWith("/home/", StringComparison.Ordinal))
        {
            return null;
        }

        var slash = path.IndexOf('/', "/home/".Length);
        return slash < 0 ? null : path[(slash + 1)..];
    }

    private static bool Under(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.Ordinal) && (path.Length == prefix.Length || path[prefix.Length] == '/');

    public static string Name(MachineReadKind kind) => kind switch
    {
        MachineReadKind.TimeZone => "time zone",
        MachineReadKind.HostIdentity => "host identity",
        MachineReadKind.NetworkConfig => "network and proxy configuration",
        MachineReadKind.Credentials => "credentials",
        _ => "shell history",
    };

    public static string Id(MachineReadKind kind) => kind switch
    {
        MachineReadKind.TimeZone => "time-zone",
        MachineReadKind.HostIdentity => "host-identity",
        MachineReadKind.NetworkConfig => "network-config",
        MachineReadKind.Credentials => "credentials",
        _ => "shell-history",
    };
}
