using Sov.Borders.FileSystem;
using Sov.Cli.Audit;
using Sov.Core.Config;

namespace Sov.Tests.Audit;

public sealed class BorderConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sov-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private BorderConfig Load(string toml)
    {
        var path = Path.Combine(_dir, "config.toml");
        File.WriteAllText(path, toml);
        return BorderConfig.From(SovConfigReader.Read(new NativeFileSystem(), path, null));
    }

    [Fact]
    public void ReadsTheBorderKeys()
    {
        var config = Load("""
            endpoint = "http://127.0.0.1:8000/v1"
            [network]
            proxy = "http://proxy.corp:3128"
            ca_file = "certs/ca.pem"
            [redaction]
            allow = ["1a2b3c4d", "not-a-secret-value"]
            [audit.export]
            endpoint = "https://otel.corp:4318"
            """);
        Assert.Equal(new Uri("http://proxy.corp:3128"), config.Proxy);
        Assert.Equal(Path.Combine(_dir, "certs", "ca.pem"), config.CaFile);
        Assert.Equal(["1a2b3c4d", "not-a-secret-value"], config.Redaction.Allow);
        Assert.Equal(new Uri("https://otel.corp:4318"), config.ExportEndpoint);
    }

    [Fact]
    public void NoFileMeansNothingConfigured()
    {
        var config = BorderConfig.From(SovConfigReader.Read(new NativeFileSystem(), Path.Combine(_dir, "none.toml"), null));
        Assert.Equal(BorderConfig.Empty, config);
    }

    [Theory]
    [InlineData("[network]\nproxy = \"socks5://x:1\"", "network.proxy")]
    [InlineData("[network]\nproxy = 3", "network.proxy")]
    [InlineData("[redaction]\nallow = \"x\"", "redaction.allow")]
    [InlineData("[audit.export]\nendpoint = \"not a url\"", "audit.export.endpoint")]
    [InlineData("[network\nproxy = 1", "not valid TOML")]
    public void ABadValueIsAConfigErrorNamingTheKey(string toml, string named)
    {
        var e = Assert.Throws<ConfigException>(() => Load(toml));
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }
}
