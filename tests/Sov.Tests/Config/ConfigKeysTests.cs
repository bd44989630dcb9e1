using Sov.Cli.Interactive;
using Sov.Core.Config;
using Tomlyn;
using Tomlyn.Model;

namespace Sov.Tests.Config;

/// <summary>#15.2 and #15.4: unknown keys are named; TOML errors are one readable line; the first-run hint parses.</summary>
public sealed class ConfigKeysTests
{
    private static TomlTable Parse(string text) => TomlSerializer.Deserialize(text, ConfigTomlContext.Default.TomlTable)!;

    [Fact]
    public void KnownKeysAtEveryDepthPassAndMisspeltOnesAreNamed()
    {
        var table = Parse("""
            endpiont = "http://127.0.0.1:8000/v1"
            model = "m"
            [profiles.lab]
            endpoint = "http://127.0.0.1:8001/v1"
            modle = "x"
            [permissions]
            allow = ["read:**"]
            deny_rules = []
            [mcp.servers.files]
            command = "npx"
            env = { LOG = "1" }
            timeout = 3
            [network]
            proxy = "http://127.0.0.1:3128"
            [audit.export]
            endpoint = "http://127.0.0.1:4318"
            [sandbox]
            network = true
            """);
        Assert.Equal(["endpiont", "profiles.lab.modle", "permissions.deny_rules", "mcp.servers.files.timeout", "sandbox"], ConfigKeys.Unknown(table));
    }

    [Fact]
    public void TheFirstRunHintIsValidTomlWithOnlyKnownKeys()
    {
        var table = Parse(string.Join('\n', FirstRun.ConfigHint));
        Assert.Equal("http://127.0.0.1:8000/v1", table["endpoint"]);
        Assert.Empty(ConfigKeys.Unknown(table));
    }

    [Fact]
    public void ATomlErrorNamesLineAndColumnAndNoLibraryTypes()
    {
        var error = Assert.ThrowsAny<Exception>(() => Parse("endpoint = \"http://127.0.0.1:8000/v1\"  model = \"qwen3-coder\""));
        var text = TomlError.Describe(error.Message);
        Assert.StartsWith("line 1, column ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tomlyn", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Converter", text, StringComparison.Ordinal);
    }
}
