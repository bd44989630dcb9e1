using Sov.Core.Watch;
using static Sov.Tests.Watch.TraceLines;

namespace Sov.Tests.Watch;

/// <summary>strace's lines are read into whole calls: split calls joined, signals and exits skipped (#19).</summary>
public sealed class StraceReaderTests
{
    [Fact]
    public void JoinsUnfinishedAndResumedCallsAndSkipsSignals()
    {
        var records = StraceReader.ReadAll([
            $"3779  connect(3<TCP:[1499045]>, {{sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr({H("203.0.113.7")})}}, 16 <unfinished ...>",
            "3780  --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=3781, si_uid=0, si_status=0} ---",
            "3780  +++ exited with 0 +++",
            "3779  <... connect resumed>) = -1 ECONNREFUSED (Connection refused)",
            $"3782  openat(AT_FDCWD<{H("/tmp")[1..^1]}>, {H("/etc/hostname")}, O_RDONLY) = {Fd(3, "/etc/hostname")}",
            "garbage",
        ]);
        Assert.Equal(2, records.Count);
        Assert.Equal("connect", records[0].Call);
        Assert.Equal("ECONNREFUSED", records[0].Error);
        Assert.False(records[0].Succeeded);
        Assert.Equal("/etc/hostname", StraceText.ResultPath(records[1].Result));
        Assert.Equal("/tmp", StraceText.WorkingFolder(records[1].Args));
    }

    [Fact]
    public void DecodesHexStringsAndSocketDecorations()
    {
        Assert.Equal("a/b", StraceText.Decode("\\x61\\x2f\\x62"));
        var peer = TraceEndpoint.FromDecoration(StraceText.FirstDescriptor("3<TCP:[127.0.0.1:45586->127.0.0.1:56993]>, \"\\x50\", 1, MSG_NOSIGNAL, NULL, 0"), out var protocol);
        Assert.Equal("TCP", protocol);
        Assert.Equal("127.0.0.1:56993", peer!.ToString());
        var v6 = TraceEndpoint.FromDecoration("TCPv6:[[::1]:40000->[::ffff:127.0.0.1]:8080]", out _);
        Assert.Equal("127.0.0.1:8080", v6!.ToString());
        var unix = TraceEndpoint.FromSockaddr($"{{sa_family=AF_UNIX, sun_path={H("/run/dbus/system_bus_socket")}}}, 110");
        Assert.True(unix!.Unix);
        Assert.Equal("/run/dbus/system_bus_socket", unix.Address);
    }
}
