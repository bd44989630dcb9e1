namespace Sov.Borders.Sandbox;

/// <summary>
/// What the sandbox needs to know, fixed at session start: the canonical workspace root (writable inside),
/// the person's home folder (its secret folders are masked), the environment handed to commands (already
/// reduced to the allow-list), and where bubblewrap is.
/// </summary>
public sealed record SandboxSettings(
    string Workspace,
    string? Home,
    IReadOnlyDictionary<string, string> Environment,
    string BubblewrapPath = SandboxSettings.DefaultBubblewrap)
{
    public const string DefaultBubblewrap = "/usr/bin/bwrap";

    /// <summary>Bytes of output kept from the start and from the end; the middle is counted, not kept.</summary>
    public int HeadBytes { get; init; } = 12 * 1024;

    public int TailBytes { get; init; } = 12 * 1024;

    /// <summary>
    /// Sovereign's own folders (config, state with sessions, journal, history and undo checkpoints, cache):
    /// masked, so a command cannot read other workspaces' sessions or change the journal.
    /// </summary>
    public IReadOnlyList<string> PrivateFolders { get; init; } = [];

    /// <summary>
    /// Secret folders and files under the home folder that commands never see: keys, cloud and registry
    /// credentials, password stores, shell and database histories, browser profiles. A trailing <c>*</c>
    /// matches the rest of a name in that folder (<c>.cargo/credentials*</c>).
    /// </summary>
    public static readonly IReadOnlyList<string> HomeSecrets =
    [
        ".ssh", ".aws", ".gnupg", ".config/gcloud", ".netrc", ".docker", ".kube", ".git-credentials",
        ".config/git/credentials", ".config/gh", ".config/hub", ".npmrc", ".yarnrc", ".pypirc", ".cargo/credentials*",
        ".terraform.d", ".m2/settings.xml", ".m2/settings-security.xml", ".gradle/gradle.properties", ".gem/credentials",
        ".config/containers/auth.json", ".azure", ".oci", ".config/doctl", ".config/rclone", ".s3cfg", ".boto",
        ".vault-token", ".pgpass", ".my.cnf", ".password-store", ".local/share/keyrings", ".config/op",
        ".bash_history", ".zsh_history", ".python_history", ".psql_history", ".mysql_history", ".node_repl_history",
        ".mozilla", ".config/google-chrome", ".config/chromium", ".config/BraveSoftware",
    ];

    /// <summary>The variables a command gets besides the ones the person configured.</summary>
    public static readonly IReadOnlyList<string> BaseVariables = ["PATH", "HOME", "LANG", "TERM"];
}
