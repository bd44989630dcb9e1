using System.Text.Json;
using Sov.TestKit;

namespace Sov.EndToEnd;

/// <summary>
/// #20 with the published binary: <c>sov --version</c> names the commit and the tree state it was built from, and
/// <c>sov version --json</c> says the same as an object (bench/reproducible checks that a clean build is byte-identical).
/// </summary>
public sealed class VersionEndToEndTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheVersionLineAndTheJsonNameTheSameCommitAndTreeState()
    {
        var line = await SovRun.RunAsync(["--version"], cancellationToken: Ct);
        var command = await SovRun.RunAsync(["version"], cancellationToken: Ct);
        var json = await SovRun.RunAsync(["version", "--json"], cancellationToken: Ct);

        Assert.Equal(0, line.ExitCode);
        var match = System.Text.RegularExpressions.Regex.Match(line.Stdout.TrimEnd('\n'),
            @"^(\d+\.\d+\.\d+\S*) \(commit ([0-9a-f]{12}|unknown), (clean|dirty|unknown)\)$");
        Assert.True(match.Success, $"sov --version printed: {line.Stdout}");
        Assert.Equal(line.Stdout + "sbom none\n", command.Stdout); // `sov version` adds the SBOM digest; the README's publish makes none
        Assert.Equal(0, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Stdout);
        var root = doc.RootElement;
        Assert.Equal(match.Groups[1].Value, root.GetProperty("version").GetString());
        var commit = root.GetProperty("commit").GetString()!;
        Assert.Equal(match.Groups[2].Value, commit == "unknown" ? commit : commit[..12]);
        Assert.Equal("none", root.GetProperty("sbom_digest").GetString());
        Assert.Equal(match.Groups[3].Value, root.GetProperty("clean").ValueKind switch
        {
            JsonValueKind.True => "clean",
            JsonValueKind.False => "dirty",
            _ => "unknown",
        });
    }
}
