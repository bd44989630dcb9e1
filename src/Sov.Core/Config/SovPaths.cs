namespace Sov.Core.Config;

/// <summary>
/// Where Sovereign keeps its own files. With <c>SOV_HOME</c> set, everything lives under it:
/// <c>config.toml</c>, <c>sessions/</c>, <c>journal/</c>, <c>history/</c>, <c>cache/</c>. Without it,
/// the XDG base directories: config in <c>$XDG_CONFIG_HOME/sov</c>, sessions, journal and history in
/// <c>$XDG_STATE_HOME/sov</c>, caches in <c>$XDG_CACHE_HOME/sov</c>, each defaulting under <c>$HOME</c>
/// as the XDG specification says. Nothing here touches the disk.
/// </summary>
public sealed record SovPaths(string ConfigDir, string StateDir, string CacheDir)
{
    public string ConfigFile => Path.Combine(ConfigDir, "config.toml");
    public string SessionsDir => Path.Combine(StateDir, "sessions");
    public string JournalDir => Path.Combine(StateDir, "journal");
    public string HistoryDir => Path.Combine(StateDir, "history");
    public string UserCommandsDir => Path.Combine(ConfigDir, "commands");
    public string UserInstructionsFile => Path.Combine(ConfigDir, "AGENTS.md");

    /// <summary>The variables this resolution reads; Sov.Borders allow-lists exactly these.</summary>
    public static readonly IReadOnlyList<string> Variables =
        ["SOV_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "HOME"];

    public static SovPaths Resolve(IEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var sovHome = Absolute(env.Get("SOV_HOME"));
        if (sovHome is not null)
        {
            return new SovPaths(sovHome, sovHome, Path.Combine(sovHome, "cache"));
        }

        var home = Absolute(env.Get("HOME"))
            ?? throw new ConfigException("Neither SOV_HOME nor HOME is set to an absolute path.",
                "Set SOV_HOME to the folder where sov should keep its files.");
        string Xdg(string name, string fallback) =>
            Path.Combine(Absolute(env.Get(name)) ?? Path.Combine(home, fallback), "sov");
        return new SovPaths(
            Xdg("XDG_CONFIG_HOME", ".config"),
            Xdg("XDG_STATE_HOME", Path.Combine(".local", "state")),
            Xdg("XDG_CACHE_HOME", ".cache"));
    }

    // The XDG specification: a relative path in these variables is invalid and must be ignored.
    private static string? Absolute(string? value) =>
        string.IsNullOrWhiteSpace(value) || !Path.IsPathRooted(value) ? null : Path.GetFullPath(value);
}
