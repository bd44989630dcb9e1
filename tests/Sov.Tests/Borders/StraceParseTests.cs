using Sov.TestKit.Network;

namespace Sov.Tests.Borders;

/// <summary>The network observer reads strace's lines correctly (the end-to-end tests rely on it).</summary>
public sealed class StraceParseTests
{
    [Fact]
    public void ReadsDestinationsAndNameResolutionSteps()
    {
        var attempts = StraceObserver.Parse([
            "101 connect(5, {sa_family=AF_INET, sin_port=htons(8000), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = -1 EINPROGRESS (Operation now in progress)",
            "102 connect(7, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"2001:db8::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0",
            "[pid 103] sendto(9, ..., 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"10.0.0.53\")}, 16) = 40",
            "107 connect(8, {sa_family=AF_INET6, sin6_port=htons(8000), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::ffff:127.0.0.1\", &sin6_addr), sin6_scope_id=0}, 28) = 0",
            "104 connect(4, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110) = -1 ENOENT (No such file or directory)",
            "105 openat(AT_FDCWD, \"/etc/resolv.conf\", O_RDONLY|O_CLOEXEC) = 3",
            "105 openat(AT_FDCWD, \"/lib/x86_64-linux-gnu/libresolv.so.2\", O_RDONLY|O_CLOEXEC) = 3",
            "106 sendto(5, ..., 120, MSG_NOSIGNAL, NULL, 0) = 120",
        ]);
        Assert.Equal(6, attempts.Count);
        var trace = new NetworkTrace(attempts, 0, "", "");
        Assert.Equal(["127.0.0.1:8000", "2001:db8::1:443"], trace.Destinations);
        Assert.Equal(3, trace.NameResolution.Count); // port 53, nscd, resolv.conf
    }
}
