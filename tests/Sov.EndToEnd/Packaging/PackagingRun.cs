using System.Diagnostics;
using System.Security.Cryptography;
using Sov.TestKit;

namespace Sov.EndToEnd.Packaging;

/// <summary>Runs the packaging scripts and the tools around them (dpkg, dotnet tool) for the packaging tests (#20).</summary>
internal static class PackagingRun
{
    public static bool IsRoot => Environment.UserName == "root";

    public static Task<SovResult> RunAsync(string program, IEnumerable<string> args, TimeSpan timeout, Dictionary<string, string>? environment = null, string? directory = null)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory ?? SovBinary.RepositoryRoot };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        foreach (var (k, v) in environment ?? [])
        {
            start.Environment[k] = v;
        }

        return ChildProcess.RunAsync(start, "", timeout, $"{program} {string.Join(' ', args)}", TestContext.Current.CancellationToken);
    }

    /// <summary>An installed sov run with a private SOV_HOME and a minimal environment, as a person would.</summary>
    public static Task<SovResult> SovAsync(string binary, string home, params string[] args)
    {
        var start = new ProcessStartInfo(binary) { WorkingDirectory = home };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["SOV_HOME"] = home;
        start.Environment["HOME"] = home;
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } dotnet)
        {
            start.Environment["DOTNET_ROOT"] = dotnet; // the .NET tool's launcher finds the runtime there when it is not in a default place
        }

        return ChildProcess.RunAsync(start, "", TimeSpan.FromMinutes(1), $"{binary} {string.Join(' ', args)}", TestContext.Current.CancellationToken);
    }

    public static string Sha256(string file) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    public static void Succeeded(SovResult result, string what) =>
        Assert.True(result.ExitCode == 0, $"{what} exited {result.ExitCode}:\n{result.Stdout}\n{result.Stderr}");
}
