using Sov.Borders.FileSystem;
using Sov.Core;
using Sov.Core.Config;
using Sov.Core.Files;
using Sov.Core.Permissions;

namespace Sov.Tests.Config;

/// <summary>
/// #14: config.toml is read once into one typed model; unknown keys and misspelt tables are warnings naming the
/// key and its line (with the nearest known name), a wrong type is exit 3 naming file, line, key and the type
/// expected, never a library type name.
/// </summary>
public sealed class SovConfigReaderTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("sov-cfgr-home-");
    private readonly DirectoryInfo _project = Directory.CreateTempSubdirectory("sov-cfgr-proj-");

    private string UserFile => Path.Combine(_home.FullName, "config.toml");

    private SovConfig Read(string user, string? project = null)
    {
        File.WriteAllText(UserFile, user);
        if (project is not null)
        {
            Directory.CreateDirectory(Path.Combine(_project.FullName, ".sov"));
            File.WriteAllText(Path.Combine(_project.FullName, ".sov", "config.toml"), project);
        }

        return SovConfigReader.Read(new NativeFileSystem(), UserFile, new Workspace(_project.FullName, new NativeFileSystem()));
    }

    [Fact]
    public void AMisspeltKeyIsNamedWithItsLineAndTheNearestName()
    {
        var config = Read("model = \"m\"\n\n[permissions]\nallow = [\"read:**\"]\ndenyy = [\"shell:rm *\"]\n");
        Assert.Equal([$"{UserFile}:5: unknown key 'denyy' in [permissions] (did you mean 'deny'?)"], config.Warnings);
        Assert.Empty(config.Permissions.Deny);
    }

    [Fact]
    public void AMisspeltTableIsNamedWithItsLineAndTheNearestName()
    {
        var config = Read("model = \"m\"\n[permisions]\ndeny = [\"shell:rm *\"]\n");
        Assert.Equal([$"{UserFile}:2: unknown table [permisions] (did you mean [permissions]?)"], config.Warnings);
    }

    [Fact]
    public void UnknownKeysAtEveryDepthHaveLinesAndFarOnesNoGuess()
    {
        var config = Read("""
            endpiont = "http://127.0.0.1:8000/v1"
            [profiles.lab]
            modle = "x"
            [mcp.servers.files]
            command = "npx"
            timeout = 3
            [sandbox]
            network = true
            """);
        Assert.Equal(
        [
            $"{UserFile}:1: unknown key 'endpiont' (did you mean 'endpoint'?)",
            $"{UserFile}:3: unknown key 'modle' in [profiles.lab] (did you mean 'model'?)",
            $"{UserFile}:6: unknown key 'timeout' in [mcp.servers.files]",
            $"{UserFile}:7: unknown table [sandbox]",
        ], config.Warnings);
    }

    [Theory]
    [InlineData("max_turns = \"ten\"", 1, "max_turns must be a positive whole number, not \"ten\"")]
    [InlineData("model = 5", 1, "model must be a string, not 5")]
    [InlineData("first_byte_timeout_seconds = \"soon\"", 1, "first_byte_timeout_seconds must be a positive number")]
    [InlineData("profile = true", 1, "profile must be a string, not true")]
    [InlineData("[profiles.lab]\ncontext_window = 1.5", 2, "profiles.lab.context_window must be a positive whole number, not 1.5")]
    [InlineData("profiles = 3", 1, "profiles must be a table, not 3")]
    [InlineData("[permissions]\nmode = \"ask\"\ndeny = \"x\"", 3, "permissions.deny must be a list of strings, not \"x\"")]
    [InlineData("[permissions]\nallow = [1, 2]", 2, "permissions.allow must be a list of strings, not a list")]
    [InlineData("[permissions]\n\ndeny = [\"shell:rm *\", \"oops\"]", 3, "Permission rule 'oops' is not of the form")]
    [InlineData("[permissions]\nmode = 3", 2, "permissions.mode must be a string, not 3")]
    [InlineData("[permissions]\nmode = \"yolo\"", 2, "permissions.mode 'yolo' is not one of")]
    [InlineData("[mcp.servers.a]\ncommand = \"x\"\nargs = \"y\"", 3, "mcp.servers.a.args must be a list of strings")]
    [InlineData("[mcp.servers.a]\ncommand = \"x\"\nnetwork = \"yes\"", 3, "mcp.servers.a.network must be true or false, not \"yes\"")]
    [InlineData("[mcp.servers.a]\ncommand = \"x\"\ntimeout_seconds = 0", 3, "mcp.servers.a.timeout_seconds must be a whole number from 1 to 86400, not 0")]
    [InlineData("[mcp.servers.a]\ncommand = \"x\"\nenv = { A = 1 }", 3, "mcp.servers.a.env must be a table of strings")]
    [InlineData("[mcp]\nservers = 3", 2, "mcp.servers must be a table, not 3")]
    [InlineData("[network]\nproxy = 8080", 2, "network.proxy must be a string, not 8080")]
    [InlineData("[network]\nca_file = [\"a\"]", 2, "network.ca_file must be a string, not a list")]
    [InlineData("[redaction]\nallow = \"x\"", 2, "redaction.allow must be a list of strings, not \"x\"")]
    [InlineData("[audit.export]\nendpoint = 3", 2, "audit.export.endpoint must be a string, not 3")]
    [InlineData("[audit]\nexport = \"x\"", 2, "audit.export must be a table, not \"x\"")]
    [InlineData("[[permissions]]\nmode = \"ask\"", 1, "permissions must be a table, not a list of tables")]
    [InlineData("endpoint = 1979-05-27", 1, "endpoint must be a string, not a date")]
    public void AWrongTypeIsExit3NamingLineKeyAndTypeInWords(string toml, int line, string expected)
    {
        var e = Assert.Throws<ConfigException>(() => Read(toml));
        Assert.Equal(ExitCodes.Environment, e.ExitCode);
        Assert.StartsWith($"{UserFile}:{line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        foreach (var library in new[] { "Tomlyn", "TomlArray", "TomlTable", "Int64", "System.", "Double", "Boolean" })
        {
            Assert.DoesNotContain(library, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheProjectFileKeepsItsRulesAndItsProblemsHaveLines()
    {
        var config = Read("model = \"mine\"", "model = \"theirs\"\nendpoint = \"http://127.0.0.1:9/v1\"\n[permissions]\nmode = \"read-only\"\ndenny = [\"write:**\"]\n[network]\nproxy = \"http://127.0.0.1:1\"\n");
        Assert.Equal("theirs", config.Project.Model);
        Assert.Null(config.Project.Endpoint);
        Assert.Null(config.Network.Proxy);
        Assert.Equal(PermissionMode.ReadOnly, config.ProjectPermissions.Mode);
        Assert.Equal(
        [
            "Ignored 'endpoint' in .sov/config.toml:2: a project may set only the model, instructions and narrower [permissions].",
            "Ignored 'network' in .sov/config.toml:6: a project may set only the model, instructions and narrower [permissions].",
            ".sov/config.toml:5: unknown key 'denny' in [permissions] (did you mean 'deny'?)",
        ], config.Warnings);

        Assert.Equal(["Ignored 'api_key' in .sov/config.toml:3: a project may set only the model, instructions and narrower [permissions].", ".sov/config.toml:2: unknown key 'modle' (did you mean 'model'?)"],
            Read("", "instructions = \"be brief\"\nmodle = \"x\"\napi_key = \"k\"\n").Warnings);
        var e = Assert.Throws<ConfigException>(() => Read("", "[permissions]\ndeny = \"write:**\"\n"));
        Assert.StartsWith(".sov/config.toml:2: permissions.deny must be a list of strings", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTableIsTypedInOneModel()
    {
        var config = Read("""
            endpoint = "http://127.0.0.1:8000/v1"
            max_turns = 12
            idle_timeout_seconds = 2.5
            profile = "lab"
            [profiles.lab]
            model = "lab-model"
            [permissions]
            mode = "auto-edit"
            deny = ["shell:rm *"]
            env = ["CARGO_HOME"]
            [mcp.servers.files]
            command = "files-server"
            [network]
            proxy = "http://127.0.0.1:3128"
            ca_file = "ca.pem"
            [redaction]
            allow = ["not-a-secret"]
            [audit.export]
            endpoint = "http://127.0.0.1:4318"
            """);
        Assert.Empty(config.Warnings);
        Assert.Equal(12, config.Top.MaxTurns);
        Assert.Equal(2.5, config.Top.IdleTimeoutSeconds);
        Assert.Equal("lab-model", config.Profiles["lab"].Model);
        Assert.Equal(PermissionMode.AutoEdit, config.Permissions.Mode);
        Assert.Equal(["CARGO_HOME"], config.Permissions.Environment);
        Assert.Equal("files-server", Assert.Single(config.McpServers).Command);
        Assert.Equal(new Uri("http://127.0.0.1:3128"), config.Network.Proxy);
        Assert.Equal(Path.Combine(_home.FullName, "ca.pem"), config.Network.CaFile);
        Assert.Equal(["not-a-secret"], config.Redaction.Allow);
        Assert.Equal(new Uri("http://127.0.0.1:4318"), config.AuditExport.Endpoint);
    }

    [Fact]
    public void LinesComeFromTheSyntaxTreeForDottedInlineAndQuotedKeys()
    {
        var lines = TomlLines.Of("a.b = 1\n[t]\n\"q k\" = { x = 1,\n  y = 2 }\n[[arr]]\nz = 1\n");
        Assert.Equal(1, lines["a.b"]);
        Assert.Equal(2, lines["t"]);
        Assert.Equal(3, lines["t.q k"]);
        Assert.Equal(3, lines["t.q k.x"]);
        Assert.Equal(6, lines["arr.z"]);
    }

    public void Dispose()
    {
        _home.Delete(recursive: true);
        _project.Delete(recursive: true);
    }
}
