using System.Globalization;
using Sov.Borders.Processes;
using Sov.Borders.Sandbox;
using Sov.Core.Processes;

// Sandbox overhead: `true` through the real BubblewrapShell against the same command through the
// UnsandboxedShell (same process runner, same bash flags), alternating, median of each.
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 41;
var workspace = Directory.CreateTempSubdirectory("sov-bench-sbx-").FullName;
try
{
    var settings = SandboxFactory.Settings(workspace);
    var sandboxed = new BubblewrapShell(settings, new ProcessRunner());
    var unsandboxed = new UnsandboxedShell(settings, new ProcessRunner());
    var request = new ShellRequest("true", workspace, TimeSpan.FromSeconds(30));
    var with = new List<double>();
    var without = new List<double>();
    for (var i = 0; i < runs + 3; i++)
    {
        var a = await sandboxed.RunAsync(request, CancellationToken.None);
        var b = await unsandboxed.RunAsync(request, CancellationToken.None);
        if (a.ExitCode != 0 || b.ExitCode != 0)
        {
            Console.Error.WriteLine($"true failed: sandboxed {a.ExitCode} {a.Output} / unsandboxed {b.ExitCode}");
            return 1;
        }

        if (i >= 3)
        {
            with.Add(a.Duration.TotalMilliseconds);
            without.Add(b.Duration.TotalMilliseconds);
        }
    }

    static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
    }

    var inv = CultureInfo.InvariantCulture;
    Console.WriteLine(string.Create(inv, $"{Median(with):0.0} {Median(without):0.0} {Median(with) - Median(without):0.0} {with.Min():0.0} {without.Min():0.0}"));
    return 0;
}
finally
{
    Directory.Delete(workspace, recursive: true);
}
