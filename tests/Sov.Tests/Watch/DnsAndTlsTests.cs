using Sov.Core.Watch;
using static Sov.Tests.Watch.TraceLines;

namespace Sov.Tests.Watch;

/// <summary>Names are read from the bytes on the wire: DNS queries and answers (UDP and TCP), TLS ClientHello (#19).</summary>
public sealed class DnsAndTlsTests
{
    [Fact]
    public void ReadsQueryNamesOverUdpAndTcp()
    {
        Assert.Equal("telemetry.vendor.example", DnsMessage.Parse(DnsQuery("telemetry.vendor.example"))!.Name);
        var query = DnsQuery("rum.vendor.example");
        byte[] tcp = [(byte)(query.Length >> 8), (byte)query.Length, .. query];
        Assert.Equal("rum.vendor.example", DnsMessage.Parse(tcp)!.Name);
        Assert.Null(DnsMessage.Parse("GET / HTTP/1.1\r\n"u8));
    }

    [Fact]
    public void ReadsAddressesFromAnswers()
    {
        var answer = DnsMessage.Parse(DnsAnswer("api.vendor.example", [203, 0, 113, 9]))!;
        Assert.True(answer.IsResponse);
        Assert.Equal(["203.0.113.9"], answer.Addresses);
    }

    [Fact]
    public void ReadsTheServerNameFromAClientHello()
    {
        // The first bytes Python's ssl module sent for server_hostname="api.vendor.example" (recorded, cut after SNI).
        byte[] hello = [
            0x16, 0x03, 0x01, 0x00, 0x60, 0x01, 0x00, 0x00, 0x5c, 0x03, 0x03, .. new byte[32], 0x00, 0x00, 0x02, 0x13, 0x01, 0x01, 0x00,
            0x00, 0x1b, 0x00, 0x00, 0x00, 0x17, 0x00, 0x15, 0x00, 0x00, 0x12, .. "api.vendor.example"u8.ToArray(),
        ];
        Assert.Equal("api.vendor.example", TlsClientHello.ServerName(hello));
        Assert.Null(TlsClientHello.ServerName("POST /v1 HTTP/1.1"u8));
    }
}
