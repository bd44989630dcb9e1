namespace Sov.Cli.Acp.Wire;

/// <summary>The editor's answer to a permission request.</summary>
internal sealed record RequestPermissionResult(PermissionOutcome? Outcome);
