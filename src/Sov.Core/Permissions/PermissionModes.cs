namespace Sov.Core.Permissions;

/// <summary>The spellings of <see cref="PermissionMode"/> on the command line and in config.</summary>
public static class PermissionModes
{
    public static readonly IReadOnlyList<string> Names = ["read-only", "ask", "auto-edit", "full-auto"];

    public static string Name(this PermissionMode mode) => Names[(int)mode];

    public static bool TryParse(string? text, out PermissionMode mode)
    {
        var index = Names.ToList().IndexOf((text ?? "").Trim().ToLowerInvariant());
        mode = index < 0 ? PermissionMode.Ask : (PermissionMode)index;
        return index >= 0;
    }

    /// <summary>The narrower of two modes: project config may only narrow what the person chose.</summary>
    public static PermissionMode Narrowest(PermissionMode a, PermissionMode b) => a <= b ? a : b;
}
