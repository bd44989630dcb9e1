using System.Text.Json;
using Sov.Borders.Sandbox;
using Sov.Borders.Sandbox.Seccomp;
using Sov.Core.Config;

// Prints, as JSON, the exact argument vectors and environment the shell tool uses for `true`: under the
// real bubblewrap profile (SandboxProfile) and unsandboxed (UnsandboxedShell's bash), plus the absent
// protected paths bubblewrap creates mount points for (the runner removes them after every command).
// bench/sandbox/run times both alternately.
// The seccomp filter reaches bubblewrap through /proc/PID/fd/N of this process, which ends before the timing
// starts: the plan names a copy of the same bytes in a file (FILTER) instead.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: SandboxBench WORKSPACE FILTER");
    return 2;
}

var workspace = Path.GetFullPath(args[0]);
var home = Path.Combine(workspace, "..", "sov-home");
var settings = SandboxFactory.Settings(workspace, new SovPaths(home, home, Path.Combine(home, "cache")));
var profile = SandboxProfile.Build(settings, settings.Workspace, "true");
var filter = SeccompFile.Shared ?? throw new InvalidOperationException("no seccomp filter for this machine");
File.WriteAllBytes(args[1], SeccompFilter.ForThisMachine()!);
var plan = new Dictionary<string, object>
{
    ["sandboxed"] = profile.Argv.Select(a => a == filter.ProcPath ? Path.GetFullPath(args[1]) : a).ToList(),
    ["unsandboxed"] = new[] { "/bin/bash", "--noprofile", "--norc", "-c", "true" },
    ["placeholders"] = profile.Placeholders,
    ["environment"] = settings.Environment,
};
Console.WriteLine(JsonSerializer.Serialize(plan, BenchJson.Default.DictionaryStringObject));
return 0;
