namespace Sov.Cli.Acp.Wire;

/// <summary>One item of the plan (priority high, medium or low; status pending, in_progress or completed).</summary>
internal sealed record PlanEntry(string Content, string Priority, string Status);
