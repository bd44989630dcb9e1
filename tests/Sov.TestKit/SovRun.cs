using System.Diagnostics;

namespace Sov.TestKit;

/// <summary>The outcome of one run of the sov binary.</summary>
public sealed record SovResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs the published sov binary (or <c>binary</c>: one built for a test, e.g. with a test policy path) with a private
/// SOV_HOME and a minimal environment.
/// </summary>
public static class SovRun
{
    public static async Task<SovResult> RunAsync(
        IEnumerable<string> args,
        string? sovHome = null,
        string? workingDirectory = null,
        string? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null,
        string? binary = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(binary ?? SovBinary.Path)
        {
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["SOV_HOME"] = sovHome ?? Directory.CreateTempSubdirectory("sov-home-").FullName;
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }

        return await ChildProcess.RunAsync(start, stdin, timeout ?? TimeSpan.FromSeconds(60), $"sov {string.Join(' ', start.ArgumentList)}", cancellationToken).ConfigureAwait(false);
    }
}
