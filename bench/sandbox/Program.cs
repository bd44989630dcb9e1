using System.Text.Json;
using Sov.Borders.Sandbox;

// Prints, as JSON, the exact argument vectors and environment the shell tool uses for `true`: under the
// real bubblewrap profile (SandboxProfile) and unsandboxed (UnsandboxedShell's bash), plus the absent
// protected paths bubblewrap creates mount points for (the runner removes them after every command).
// bench/sandbox/run times both alternately.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: SandboxBench WORKSPACE");
    return 2;
}

var settings = SandboxFactory.Settings(Path.GetFullPath(args[0]));
var profile = SandboxProfile.Build(settings, settings.Workspace, "true");
var plan = new Dictionary<string, object>
{
    ["sandboxed"] = profile.Argv,
    ["unsandboxed"] = new[] { "/bin/bash", "--noprofile", "--norc", "-c", "true" },
    ["placeholders"] = profile.Placeholders,
    ["environment"] = settings.Environment,
};
Console.WriteLine(JsonSerializer.Serialize(plan, BenchJson.Default.DictionaryStringObject));
return 0;
