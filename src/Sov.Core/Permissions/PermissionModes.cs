namespace Sov.Core.Permissions;

/// <summary>The spellings of <see cref="PermissionMode"/> on the command line and in config, narrowest first.</summary>
public static class PermissionModes
{
    public static readonly IReadOnlyList<string> Names = ["plan", "read-only", "ask", "auto-edit", "full-auto"];

    /// <summary>What Shift+Tab steps through in the terminal: ask, auto-edit, plan, and round again.</summary>
    private static readonly PermissionMode[] Cycle = [PermissionMode.Ask, PermissionMode.AutoEdit, PermissionMode.Plan];

    public static string Name(this PermissionMode mode) => Names[(int)mode - (int)PermissionMode.Plan];

    public static bool TryParse(string? text, out PermissionMode mode)
    {
        var index = Names.ToList().IndexOf((text ?? "").Trim().ToLowerInvariant());
        mode = index < 0 ? PermissionMode.Ask : (PermissionMode)(index + (int)PermissionMode.Plan);
        return index >= 0;
    }

    /// <summary>The narrower of two modes: project config may only narrow what the person chose.</summary>
    public static PermissionMode Narrowest(PermissionMode a, PermissionMode b) => a <= b ? a : b;

    /// <summary>The mode Shift+Tab goes to from <paramref name="mode"/>: ask → auto-edit → plan → ask (read-only and full-auto go to ask).</summary>
    public static PermissionMode Next(PermissionMode mode)
    {
        var at = Array.IndexOf(Cycle, mode);
        return at < 0 ? PermissionMode.Ask : Cycle[(at + 1) % Cycle.Length];
    }
}
