using System.Globalization;
using System.Text.Json;
using Sov.TestKit;
using Sov.TestKit.Model;

namespace Sov.EndToEnd.Faults;

/// <summary>
/// Two sessions in one workspace editing different lines of one file at the same moment (issue #13 item 2:
/// in 4 of 30 runs one edit vanished while both reported success). Each pair is two published <c>sov exec</c>
/// processes, each with its own scripted server; both servers hold their edit_file call until both processes
/// have asked, so the two edits arrive together. Every edit must be in the file or reported failed to its model.
/// </summary>
public sealed class ConcurrentEditTests
{
    private const int Pairs = 30;
    private const string Refusal = "changed by another process";

    [Fact]
    public async Task NoEditVanishesWhenTwoSessionsEditOneFile()
    {
        var ct = TestContext.Current.CancellationToken;
        int applied = 0, refused = 0, lost = 0;
        var problems = new List<string>();
        for (var pair = 0; pair < Pairs; pair++)
        {
            var workspace = Directory.CreateTempSubdirectory("sov-concurrent-").FullName;
            try
            {
                var file = Path.Combine(workspace, "shared.txt");
                await File.WriteAllTextAsync(file, string.Concat(Enumerable.Range(1, 10).Select(i => $"line {i}\n")), ct);
                await using var a = await ScriptedModelServer.StartAsync(ct);
                await using var b = await ScriptedModelServer.StartAsync(ct);
                var bothAsked = Task.WhenAll(a.WhenChatRequests(1), b.WhenChatRequests(1));
                Script(a, bothAsked, "line 2", "line 2 by A");
                Script(b, bothAsked, "line 8", "line 8 by B");

                var results = await Task.WhenAll(RunAsync(a, workspace, ct), RunAsync(b, workspace, ct));
                var text = await File.ReadAllTextAsync(file, ct);
                foreach (var (server, result, edit) in new[] { (a, results[0], "line 2 by A"), (b, results[1], "line 8 by B") })
                {
                    var told = server.ChatRequests.Select(r => r.ToolMessage("call_edit")).FirstOrDefault(m => m is not null) ?? "";
                    if (result.ExitCode != 0)
                    {
                        problems.Add($"pair {pair}: exit {result.ExitCode}: {result.Stderr}");
                    }

                    if (told.Contains(Refusal, StringComparison.Ordinal))
                    {
                        refused++;
                        Assert.DoesNotContain(edit, text, StringComparison.Ordinal);
                    }
                    else if (text.Contains(edit, StringComparison.Ordinal))
                    {
                        applied++;
                    }
                    else
                    {
                        lost++;
                        problems.Add($"pair {pair}: '{edit}' vanished; the model was told: {told}");
                    }
                }
            }
            finally
            {
                Directory.Delete(workspace, recursive: true);
            }
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{Pairs} concurrent pairs, {2 * Pairs} edits: {applied} applied, {refused} refused as changed by another process, {lost} silently lost");
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.True(problems.Count == 0, summary + "\n" + string.Join('\n', problems));
        Assert.Equal(0, lost);
        Assert.Equal(2 * Pairs, applied + refused);
    }

    private static void Script(ScriptedModelServer server, Task gate, string oldText, string newText)
    {
        var arguments = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["path"] = "shared.txt",
            ["old_string"] = oldText + "\n",
            ["new_string"] = newText + "\n",
        });
        server.Enqueue(new ScriptedResponse().HoldUntil(gate).ToolCall("call_edit", "edit_file", arguments), ScriptedResponse.Text("done"));
    }

    private static Task<SovResult> RunAsync(ScriptedModelServer server, string workspace, CancellationToken ct) =>
        SovRun.RunAsync(
            ["exec", "--endpoint", server.BaseUrl.ToString(), "--model", "scripted-model", "--mode", "full-auto", "edit the shared file"],
            workingDirectory: workspace,
            timeout: TimeSpan.FromSeconds(60),
            cancellationToken: ct);
}
