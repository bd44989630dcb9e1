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

    /// <summary>Secret folders and files under the home folder that commands never see.</summary>
    public static readonly IReadOnlyList<string> HomeSecrets = [".ssh", ".aws", ".gnupg", ".config/gcloud", ".netrc", ".docker", ".kube"];

    /// <summary>The variables a command gets besides the ones the person configured.</summary>
    public static readonly IReadOnlyList<string> BaseVariables = ["PATH", "HOME", "LANG", "TERM"];
}
