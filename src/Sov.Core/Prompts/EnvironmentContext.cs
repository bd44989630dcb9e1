namespace Sov.Core.Prompts;

/// <summary>
/// The only facts about this machine the model is told: the workspace path, the OS family and the
/// UTC date, plus the project's AGENTS.md if there is one. No kernel version, time zone, host or user
/// name, installation id.
/// </summary>
public sealed record EnvironmentContext(string WorkspacePath, string OsFamily, DateOnly UtcDate, string? AgentsMd)
{
    public static string CurrentOsFamily() =>
        OperatingSystem.IsLinux() ? "Linux"
        : OperatingSystem.IsMacOS() ? "macOS"
        : OperatingSystem.IsWindows() ? "Windows"
        : OperatingSystem.IsFreeBSD() ? "FreeBSD"
        : "Unix";
}
