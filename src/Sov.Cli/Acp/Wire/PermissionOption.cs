namespace Sov.Cli.Acp.Wire;

/// <summary>One choice of a permission request (kind allow_once, allow_always, reject_once or reject_always).</summary>
internal sealed record PermissionOption(string OptionId, string Name, string Kind);
