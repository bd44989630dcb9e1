using Sov.Core.Config;
using Sov.Core.Policy;

namespace Sov.Tests.Policy;

/// <summary>#20: "required journal export": a policy's <c>[audit.export] endpoint</c> makes every session stream to it, whatever the user says.</summary>
public sealed class ForcedExportTests
{
    private static SovConfig Clamped(string user) =>
        PolicyClamp.Apply(SovConfigReader.FromText(user, "/home/me/config.toml"), PolicyParser.Parse("/etc/sov/policy.toml", PolicySamples.Full));

    [Fact]
    public void ThePolicysCollectorReplacesTheUsersAndStreamingCannotBeSwitchedOff()
    {
        var export = Clamped("[audit.export]\nendpoint = \"http://127.0.0.1:9999\"\nstream = false\nbatch_records = 7\n").AuditExport;
        Assert.True(export.Forced);
        Assert.True(export.Streams);
        Assert.NotEqual(new Uri("http://127.0.0.1:9999"), export.Endpoint);
        Assert.Equal(7, export.Settings.BatchRecords); // the user's tuning stays
    }

    [Fact]
    public void WithoutAPolicyStreamingFollowsTheUsersConfig()
    {
        var on = SovConfigReader.FromText("[audit.export]\nendpoint = \"http://127.0.0.1:9999\"\nbackoff_max_seconds = 0.5\nmax_backlog_mb = 3\n", "/home/me/config.toml").AuditExport;
        Assert.True(on.Streams);
        Assert.False(on.Forced);
        Assert.Equal(TimeSpan.FromSeconds(0.5), on.Settings.BackoffMax);
        Assert.Equal(TimeSpan.FromSeconds(0.5), on.Settings.BackoffInitial);
        Assert.Equal(3L << 20, on.Settings.MaxBacklogBytes);
        Assert.False(SovConfigReader.FromText("[audit.export]\nendpoint = \"http://127.0.0.1:9999\"\nstream = false\n", "/home/me/config.toml").AuditExport.Streams);
        Assert.False(SovConfigReader.FromText("", "/home/me/config.toml").AuditExport.Streams);
    }
}
