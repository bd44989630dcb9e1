namespace Sov.Cli.Audit;

/// <summary>What <c>sov audit export</c> was asked: the format, a session or <c>--all</c>, <c>--follow</c>, <c>--status</c>.</summary>
internal sealed record ExportRequest(string Format, string? Session, bool All, bool Follow, bool Status);
