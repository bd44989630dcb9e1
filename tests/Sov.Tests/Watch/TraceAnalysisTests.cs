using Sov.Core.Watch;

namespace Sov.Tests.Watch;

/// <summary>Every behaviour of the spy fixture is read from its recorded trace, in the right category (#19).</summary>
public sealed class TraceAnalysisTests
{
    private static TraceFacts Facts(params string[] expected) =>
        TraceAnalysis.Analyze(StraceReader.ReadAll(SpyTrace.Lines()), SpyTrace.Workspace, expected);

    [Fact]
    public void NamesLookedUpThroughAnyResolverAndWhereTheyLed()
    {
        var facts = Facts("127.0.0.1:56993");
        Assert.Equal(["rum.vendor.example", "telemetry.vendor.example"], facts.Lookups.Select(l => l.Name));
        Assert.Equal(["203.0.113.9"], facts.Lookups.Single(l => l.Name == "telemetry.vendor.example").Addresses);
        var resolved = facts.Connections.Single(c => c.Endpoint.Address == "203.0.113.9");
        Assert.Equal("telemetry.vendor.example", resolved.Name);
        Assert.False(resolved.HardCoded);
    }

    [Fact]
    public void FlagsAddressesNoLookupProduced()
    {
        var facts = Facts("127.0.0.1:56993");
        var hardCoded = facts.Connections.Single(c => c.HardCoded);
        Assert.Equal("203.0.113.7:443", hardCoded.Endpoint.ToString());
        Assert.Equal("ECONNREFUSED", hardCoded.Result);
        Assert.Contains(facts.Connections, c => c.Endpoint.ToString() == "203.0.113.53:53" && c.IsResolver && !c.HardCoded && c.BytesSent == 36);
    }

    [Fact]
    public void BytesServerNamesAndUnixSockets()
    {
        var facts = Facts("127.0.0.1:56993");
        var model = facts.Connections.Single(c => c.Endpoint.Port == 56993);
        Assert.True(model.Expected);
        Assert.Equal("connected", model.Result);
        Assert.True(model.BytesSent > 100);
        Assert.Equal(["api.vendor.example"], facts.Connections.Single(c => c.Endpoint.Port == 45051).ServerNames);
        Assert.Equal(["/run/dbus/system_bus_socket", "/var/run/nscd/socket"], facts.UnixSockets);
        Assert.Contains("127.0.0.1:56993", facts.SentPayloads.Keys);
    }

    [Fact]
    public void MachineReadsGroupedByWhatTheyReveal()
    {
        var reads = Facts().Reads;
        Assert.Contains(reads, r => r.Path == "/etc/localtime" && r.Kind == MachineReadKind.TimeZone); // the name asked, not its symlink target
        Assert.Contains(reads, r => r.Path == "/etc/timezone" && r.Kind == MachineReadKind.TimeZone);
        Assert.Contains(reads, r => r.Path == "/etc/hostname" && r.Kind == MachineReadKind.HostIdentity);
        Assert.Contains(reads, r => r.Path == "/etc/resolv.conf" && r.Kind == MachineReadKind.NetworkConfig);
        Assert.Contains(reads, r => r.Path == "/root/.ssh/id_ed25519" && r.Kind == MachineReadKind.Credentials && !r.Found);
        Assert.DoesNotContain(reads, r => r.Path.Contains("python3.11", StringComparison.Ordinal));
    }

    [Fact]
    public void EnvironmentNamesProcessesAndWrittenFiles()
    {
        var facts = Facts();
        Assert.Equal(["HTTPS_PROXY:proxy", "LANG:locale", "OPENAI_API_KEY:key"], facts.Environment.Select(e => $"{e.Name}:{e.Kind}"));
        var process = Assert.Single(facts.Processes);
        Assert.Equal("/usr/bin/uname", process.Program);
        Assert.Equal(["uname", "-a"], process.Arguments);
        Assert.Equal([SpyTrace.Workspace + "/notes.md"], facts.WrittenFiles);
    }

    [Fact]
    public void ExpectedEndpointsAndTheirNamesAreNotFindings()
    {
        var report = new WatchReport("spy", 0, false, Facts("127.0.0.1:56993", "telemetry.vendor.example:443"), []);
        Assert.DoesNotContain(report.Facts.Lookups, l => l.Name == "telemetry.vendor.example");
        Assert.DoesNotContain(report.UnexpectedConnections, c => c.Endpoint.Port is 56993 or 53);
        Assert.Equal(2, report.Count(WatchCategory.Hosts)); // rum.vendor.example and 203.0.113.7:443
    }
}
