using System.Security.Cryptography;
using Sov.Cli;
using Sov.Core;
using Sov.Core.Audit;

namespace Sov.Tests.Audit;

/// <summary>`sov audit verify --all` across sessions and `--key` (#20), in-process against a private SOV_HOME.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AuditChainCliTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("sov-chaincli-").FullName;

    private string JournalDir => Path.Combine(_home, "journal");

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private sealed class Env(string home) : IEnvironment
    {
        public string? Get(string name) => name == "SOV_HOME" ? home : null;
    }

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await SovApp.RunAsync(args, new CliContext(new Env(_home), output, error), TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    private string Session(SealKey? key = null)
    {
        using var journal = Journal.Start(JournalDir, JournalFixture.Info);
        journal.Key = key;
        journal.Append(new Core.Audit.Records.NoticeRecord("info", "budget 100"));
        return journal.Session;
    }

    private string KeyFile(UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        var file = Path.Combine(_home, "seal.key");
        File.WriteAllBytes(file, RandomNumberGenerator.GetBytes(32));
        File.SetUnixFileMode(file, mode);
        return file;
    }

    [Fact]
    public async Task DeletingTheMiddleSessionFileOfThreeIsReportedByVerifyAll()
    {
        Session();
        var middle = Session();
        var last = Session();
        Assert.Equal(ExitCodes.Ok, (await Run("audit", "verify", "--all")).Exit);
        File.Delete(JournalFiles.PathOf(JournalDir, middle));
        var (exit, output, _) = await Run("audit", "verify", "--all");
        Assert.Equal(ExitCodes.Failed, exit);
        var chain = Assert.Single(output.Split('\n'), l => l.StartsWith("CHAIN", StringComparison.Ordinal));
        Assert.Equal($"CHAIN    {last}  follows session {middle}, whose journal is missing: it was deleted or moved", chain);
    }

    [Fact]
    public async Task WithAKeyAnEditWithEveryHashRecomputedFailsAndWithoutItTheSealsAreSaidUnchecked()
    {
        var file = KeyFile();
        var id = Session(SealKey.Load(file));
        var path = JournalFiles.PathOf(JournalDir, id);
        File.WriteAllLines(path, ChainRewrite.Rehash(File.ReadAllLines(path).Select(l => l.Replace("budget 100", "budget 900", StringComparison.Ordinal))));

        var (exit, output, _) = await Run("audit", "verify", id);
        Assert.Equal(ExitCodes.Ok, exit); // the documented limit: without the key, a rewritten chain verifies
        Assert.Contains("and NOT checked: no key given", output, StringComparison.Ordinal);

        (exit, output, _) = await Run("audit", "verify", id, "--key", file);
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains($"BROKEN   {id}  first bad seq 3: seq 3: the seal's MAC does not match", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheConfiguredKeySealsSessionsAndVerifyChecksWithIt()
    {
        var file = KeyFile();
        File.WriteAllText(Path.Combine(_home, "config.toml"), $"[audit]\nseal_key_file = \"{file}\"\n");
        var id = Session(SealKey.Load(file));
        var (exit, output, _) = await Run("audit", "verify", id);
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains($"keyed seal checked (key {SealKey.Load(file).Id})", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyReadableByOthersIsRefusedWithExit3()
    {
        var file = KeyFile(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var id = Session();
        var (exit, _, err) = await Run("audit", "verify", id, "--key", file);
        Assert.Equal(ExitCodes.Environment, exit);
        Assert.Contains("open to the group or others", err, StringComparison.Ordinal);
    }
}
