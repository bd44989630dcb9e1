using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Sov.Borders.Network;
using Sov.Core.Config;
using Sov.TestKit.Network;

namespace Sov.Tests.Borders;

/// <summary>network.ca_file: a private endpoint's CA is trusted in addition; validation is never off.</summary>
public sealed class PrivateCaTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sov-ca-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, true);

    private static (X509Certificate2 Ca, X509Certificate2 Leaf) MakeChain(string leafName)
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Sov Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        using var leafKey = RSA.Create(2048);
        var leafRequest = new CertificateRequest($"CN={leafName}", leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Parse(leafName));
        leafRequest.CertificateExtensions.Add(san.Build());
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = leafRequest.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), [1, 2, 3, 4]);
        using var withKey = issued.CopyWithPrivateKey(leafKey);
        var leaf = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
        return (ca, leaf);
    }

    [Fact]
    public async Task APrivateEndpointIsReachedWithItsCaFileAndRefusedWithout()
    {
        var (ca, leaf) = MakeChain("127.0.0.1");
        using (ca)
        using (leaf)
        {
            await using var server = await LoopbackRecorder.StartAsync(certificate: leaf, cancellationToken: Ct);
            var https = new Uri(server.BaseAddress.ToString().Replace("http://", "https://", StringComparison.Ordinal));
            var caFile = Path.Combine(_dir, "ca.pem");
            File.WriteAllText(caFile, ca.ExportCertificatePem());

            using (var without = HttpClients.Create([https]))
            {
                await Assert.ThrowsAsync<HttpRequestException>(() => without.GetAsync(https, Ct));
            }

            using var with = HttpClients.Create(new EgressOptions([https]) { CaFile = caFile });
            using var response = await with.GetAsync(https, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task TheCaFileDoesNotExcuseANameMismatch()
    {
        var (ca, leaf) = MakeChain("127.0.0.2"); // the certificate names another address
        using (ca)
        using (leaf)
        {
            await using var server = await LoopbackRecorder.StartAsync(certificate: leaf, cancellationToken: Ct);
            var https = new Uri(server.BaseAddress.ToString().Replace("http://", "https://", StringComparison.Ordinal));
            var caFile = Path.Combine(_dir, "ca.pem");
            File.WriteAllText(caFile, ca.ExportCertificatePem());
            using var client = HttpClients.Create(new EgressOptions([https]) { CaFile = caFile });
            await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(https, Ct));
        }
    }

    [Fact]
    public void AMissingCaFileIsAConfigError()
    {
        var e = Assert.Throws<ConfigException>(() =>
            HttpClients.Create(new EgressOptions([new Uri("https://127.0.0.1:1/")]) { CaFile = Path.Combine(_dir, "none.pem") }));
        Assert.Contains("network.ca_file", e.Remedy, StringComparison.Ordinal);
    }
}
