namespace Sov.Core.Web;

/// <summary>What a fetch brought back: the URL that answered (after redirects), its status and type, the body (at most the cap) and whether more was cut.</summary>
public sealed record WebPage(Uri FinalUrl, int Status, string? ContentType, byte[] Body, bool Truncated, IReadOnlyList<Uri> Redirects);
