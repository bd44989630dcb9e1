namespace Sov.Cli.Acp.Wire;

/// <summary>cancelled, or selected with the option chosen.</summary>
internal sealed record PermissionOutcome(string? Outcome, string? OptionId);
