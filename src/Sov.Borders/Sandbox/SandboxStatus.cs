namespace Sov.Borders.Sandbox;

/// <summary>Whether the sandbox works here; when not, why (one line) and what to do (one line).</summary>
public sealed record SandboxStatus(bool Available, string Detail, string Remedy);
