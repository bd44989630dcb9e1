namespace Sov.Core.Audit;

/// <summary>
/// Where a new session joins the chain of sessions in its journal folder (#20): the session that started before
/// it and that session's last complete record (seq and hash) at the moment this one started.
/// </summary>
public sealed record ChainLink(string Session, long Seq, string Hash);
