namespace Sov.TestKit.RealServer;

/// <summary>
/// One request through the <see cref="SteeringProxy"/>: what sov sent, what went on to llama-server (with the
/// steer applied), and what came back, with the time from sov's request to the last byte of the answer.
/// </summary>
public sealed record ProxiedExchange(
    string Method,
    string Path,
    string RequestBody,
    string ForwardedBody,
    int Status,
    string ResponseBody,
    TimeSpan Elapsed)
{
    public bool IsChat => Path.EndsWith("/chat/completions", StringComparison.Ordinal);

    /// <summary>The server's own figures for this answer (null when it had none, e.g. an error).</summary>
    public ServerFigures? Figures => ServerFigures.Parse(ResponseBody);
}
