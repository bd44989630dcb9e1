using Sov.Borders.FileSystem;
using Sov.Core.Config;
using Sov.Core.Files;

namespace Sov.Tests.Config;

/// <summary><c>[web] allow</c> (#17): from the user's config; a project may narrow it, never widen it; <c>images</c> is a model key.</summary>
public sealed class WebSectionTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("sov-web-home-");
    private readonly DirectoryInfo _project = Directory.CreateTempSubdirectory("sov-web-proj-");

    private SovConfig Read(string user, string? project = null)
    {
        var userFile = Path.Combine(_home.FullName, "config.toml");
        File.WriteAllText(userFile, user);
        if (project is not null)
        {
            Directory.CreateDirectory(Path.Combine(_project.FullName, ".sov"));
            File.WriteAllText(Path.Combine(_project.FullName, ".sov", "config.toml"), project);
        }

        return SovConfigReader.Read(new NativeFileSystem(), userFile, new Workspace(_project.FullName, new NativeFileSystem()));
    }

    [Fact]
    public void WithoutAWebTableWebFetchIsOff() => Assert.True(Read("model = \"m\"\n").WebAllow.IsEmpty);

    [Fact]
    public void TheUsersListIsReadWithoutWarnings()
    {
        var config = Read("[web]\nallow = [\"docs.python.org\", \"*.internal.example\"]\n");
        Assert.Empty(config.Warnings);
        Assert.True(config.WebAllow.Allows(new Uri("https://docs.python.org/3/")));
        Assert.True(config.WebAllow.Allows(new Uri("https://wiki.internal.example/")));
    }

    [Fact]
    public void AProjectCannotTurnWebFetchOnOrWidenIt()
    {
        Assert.True(Read("", "[web]\nallow = [\"evil.example\"]\n").WebAllow.IsEmpty);
        var config = Read("[web]\nallow = [\"*.internal.example\"]\n", "[web]\nallow = [\"wiki.internal.example\", \"evil.example\"]\n");
        Assert.True(config.WebAllow.Allows(new Uri("https://wiki.internal.example/")));
        Assert.False(config.WebAllow.Allows(new Uri("https://evil.example/")));
        Assert.False(config.WebAllow.Allows(new Uri("https://other.internal.example/")));
        Assert.Contains(config.Warnings, w => w.Contains("evil.example", StringComparison.Ordinal) && w.Contains("only narrow", StringComparison.Ordinal));
    }

    [Fact]
    public void ABadEntryIsAConfigErrorWithItsLine()
    {
        var e = Assert.Throws<ConfigException>(() => Read("\n[web]\nallow = [\"http://docs.python.org\"]\n"));
        Assert.Contains("config.toml:3", e.Message, StringComparison.Ordinal);
        Assert.Contains("plain http", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImagesIsAModelKey()
    {
        var config = Read("images = true\n");
        Assert.Empty(config.Warnings);
        Assert.True(config.Top.Images);
        Assert.True(ConfigLoader.Load(config, new NoEnvironment()).Images);
    }

    [Fact]
    public void ImagesMayAlsoBeWrittenInAModelTable()
    {
        var config = Read("[model]\nname = \"qwen-vl\"\nimages = true\n");
        Assert.Empty(config.Warnings);
        var settings = ConfigLoader.Load(config, new NoEnvironment());
        Assert.True(settings.Images);
        Assert.Equal("qwen-vl", settings.Model);
    }

    private sealed class NoEnvironment : Sov.Core.IEnvironment
    {
        public string? Get(string name) => null;
    }

    public void Dispose()
    {
        _home.Delete(recursive: true);
        _project.Delete(recursive: true);
    }
}
