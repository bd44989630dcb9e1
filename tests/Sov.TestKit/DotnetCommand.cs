using System.Diagnostics;

namespace Sov.TestKit;

/// <summary>
/// Runs <c>dotnet</c> from a test with no build server or reused MSBuild node left behind: those outlive the command,
/// inherit its output pipes and would keep a test (and the CI run around it) waiting for the end of that output.
/// </summary>
public static class DotnetCommand
{
    public static Task<SovResult> RunAsync(string workingDirectory, IEnumerable<string> args, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("-nodeReuse:false");
        start.ArgumentList.Add("-p:UseSharedCompilation=false");
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        return ChildProcess.RunAsync(start, stdin: null, timeout, $"dotnet {string.Join(' ', start.ArgumentList.Take(2))}", cancellationToken);
    }
}
