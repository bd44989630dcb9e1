using Sov.Core.Audit;
using Sov.Core.Secrets;

namespace Sov.Borders.Network;

/// <summary>
/// How an HttpClient made by <see cref="HttpClients"/> may reach out. <see cref="AllowedOrigins"/> are exact
/// scheme+host+port (from the configured endpoints); <see cref="Proxy"/> is config <c>network.proxy</c>
/// (never the environment); <see cref="CaFile"/> is config <c>network.ca_file</c>, PEM certificates trusted in
/// addition to the system's for a private endpoint (validation stays on); <see cref="Redactor"/> cleans
/// request bodies; <see cref="Observer"/> journals each request; <see cref="Purpose"/> labels the records
/// (<c>model</c>, <c>export</c>, <c>mcp</c>); <see cref="MaxResponseBytes"/>, when set, caps each response body
/// while it is read (an MCP server's: <see cref="ResponseCap"/>).
/// </summary>
public sealed record EgressOptions(IReadOnlyList<Uri> AllowedOrigins)
{
    public Uri? Proxy { get; init; }
    public string? CaFile { get; init; }
    public TimeSpan? Timeout { get; init; }
    public Redactor? Redactor { get; init; }
    public IEgressObserver? Observer { get; init; }
    public string Purpose { get; init; } = "model";
    public long? MaxResponseBytes { get; init; }

    /// <summary>
    /// Origins allowed beyond <see cref="AllowedOrigins"/>, judged per URL before any name is resolved: web_fetch's
    /// <c>[web] allow</c> list, whose wildcard entries (<c>*.internal.example</c>) no exact origin can express.
    /// </summary>
    public Func<Uri, bool>? AllowedBy { get; init; }
}
