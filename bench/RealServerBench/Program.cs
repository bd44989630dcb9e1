using System.Diagnostics;
using System.Globalization;
using Sov.TestKit;
using Sov.TestKit.RealServer;

// Usage: RealServerBench (SOV_BIN names the sov binary; SOV_LLAMA_DIR or ~/.cache/sov-llama the server)
// A five-turn scripted task with `sov exec` against a real llama-server (the tiny qwen2 model steered by the
// proxy): shell, read_file, edit_file, shell, answer. Prints one line per turn:
// turn wall_ms prompt_tokens prompt_n cache_n cache_share_percent finish_reason
// then: exec_wall_seconds exit_code edited(yes|no); then the prompt tokens of `sov exec "say hello"`'s first request.
var install = LlamaInstall.Find();
if (install is null)
{
    Console.Error.WriteLine(LlamaInstall.MissingReason);
    return 1;
}

await using var server = await RealLlamaServer.StartAsync(install);
await using var proxy = await SteeringProxy.StartAsync(server);
var workspace = Directory.CreateTempSubdirectory("sov-real-bench-ws-");
var home = Directory.CreateTempSubdirectory("sov-real-bench-home-");
try
{
    File.WriteAllText(Path.Combine(workspace.FullName, "notes.txt"), "alpha\nbeta\ngamma\n");
    proxy.Enqueue(
        Steer.ToolCall("shell", """{"command": "ls"}"""),
        Steer.ToolCall("read_file", """{"path": "notes.txt"}"""),
        Steer.ToolCall("edit_file", """{"path": "notes.txt", "old_string": "beta", "new_string": "BETA"}"""),
        Steer.ToolCall("shell", """{"command": "cat notes.txt"}"""),
        Steer.Answer("notes.txt now says BETA on its second line."));
    var clock = Stopwatch.StartNew();
    var result = await SovRun.RunAsync(
        ["exec", "--endpoint", proxy.BaseUrl.ToString(), "--model", "tiny-qwen2", "--mode", "full-auto", "make beta upper case in notes.txt"],
        sovHome: home.FullName,
        workingDirectory: workspace.FullName,
        timeout: TimeSpan.FromMinutes(5));
    var wall = clock.Elapsed;
    var turn = 0;
    foreach (var chat in proxy.ChatExchanges)
    {
        var f = chat.Figures;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{++turn} {chat.Elapsed.TotalMilliseconds:0} {f?.PromptTokens ?? 0} {f?.PromptN ?? 0} {f?.CacheN ?? 0} {(f?.CacheShare ?? 0) * 100:0.0} {f?.FinishReason ?? "none"}"));
    }

    var edited = File.ReadAllText(Path.Combine(workspace.FullName, "notes.txt")) == "alpha\nBETA\ngamma\n";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{wall.TotalSeconds:0.00} {result.ExitCode} {(edited ? "yes" : "no")}"));
    proxy.Fallback = Steer.EndAtOnce; // the prompt exactly as sov writes it
    var before = proxy.ChatExchanges.Count;
    await SovRun.RunAsync(["exec", "--endpoint", proxy.BaseUrl.ToString(), "--model", "tiny-qwen2", "say hello"],
        sovHome: home.FullName, workingDirectory: workspace.FullName, timeout: TimeSpan.FromMinutes(2));
    Console.WriteLine(proxy.ChatExchanges.Skip(before).FirstOrDefault()?.Figures?.PromptTokens ?? 0);
    if (result.ExitCode != 0)
    {
        Console.Error.WriteLine($"sov exited {result.ExitCode}: {result.Stderr}");
    }

    return result.ExitCode == 0 && edited && turn == 5 ? 0 : 1;
}
finally
{
    workspace.Delete(recursive: true);
    home.Delete(recursive: true);
}
