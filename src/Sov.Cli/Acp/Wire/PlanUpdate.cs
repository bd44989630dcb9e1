namespace Sov.Cli.Acp.Wire;

/// <summary>The plan, from the todo tool: the whole list each time.</summary>
internal sealed record PlanUpdate(IReadOnlyList<PlanEntry> Entries) : SessionUpdate;
