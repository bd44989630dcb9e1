using Sov.TestKit.Network;

namespace Sov.EndToEnd.Acp;

/// <summary>
/// #18: a whole editor session (the client library's main scenario) with <c>sov acp</c> under <c>strace -f</c>: the
/// only connection made is to the configured model endpoint, no name is resolved, and (checked by the scenario) every
/// line on stdout is a JSON-RPC message in printable ASCII.
/// </summary>
public sealed class AcpTraceTests
{
    [Fact]
    public async Task AnAcpSessionConnectsOnlyToTheModelEndpointAndWritesOnlyJsonRpc()
    {
        Assert.SkipWhen(StraceObserver.StracePath is null, "strace is not installed");
        await using var h = await AcpClientHarness.StartAsync();
        var held = new TaskCompletionSource();
        AcpClientTests.Script(h, held);
        var log = Path.Combine(h.Home.FullName, "..", Path.GetFileName(h.Home.FullName) + "-strace.log");
        try
        {
            var main = await h.RunAsync("main", wrap:
                [StraceObserver.StracePath!, "-f", "-qq", "-e", "trace=connect,sendto,sendmsg,sendmmsg,openat", "-e", "signal=none", "-s", "0", "-o", log, "--"]);
            Assert.True(main.GetProperty("stdoutLines").GetInt32() > 10);
        }
        finally
        {
            held.TrySetResult();
        }

        var trace = StraceObserver.Parse(File.ReadAllLines(log));
        File.Delete(log);
        var model = $"127.0.0.1:{h.Server.Origin.Port}";
        var elsewhere = trace.Where(a => a.IsInternet && $"{a.Address}:{a.Port}" != model).ToList();
        Assert.True(elsewhere.Count == 0, "sov acp reached beyond the model endpoint: " + string.Join("; ", elsewhere));
        Assert.Contains(trace, a => a.IsInternet && $"{a.Address}:{a.Port}" == model);
        Assert.DoesNotContain(trace, a => a.IsNameResolution);
    }
}
