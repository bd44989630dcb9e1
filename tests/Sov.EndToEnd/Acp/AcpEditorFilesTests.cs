using System.Text.Json;
using Sov.TestKit.Model;

namespace Sov.EndToEnd.Acp;

/// <summary>
/// #18: when the editor offers its file system, the file tools read its unsaved buffers (<c>fs/read_text_file</c>) and
/// write through it (<c>fs/write_text_file</c>), still judged by the file border first: a path outside the workspace or a
/// protected one never reaches the editor. An editor without that capability gets the disk, as before.
/// </summary>
public sealed class AcpEditorFilesTests
{
    private static string Call(string path) => JsonSerializer.Serialize(new { path });

    [Fact]
    public async Task TheToolsReadTheEditorsBuffersAndWriteThroughItInsideTheBorderOnly()
    {
        await using var h = await AcpClientHarness.StartAsync();
        var ws = h.Workspace.FullName;
        File.WriteAllText(Path.Combine(ws, "buffer.txt"), "DISK TEXT\n");
        Directory.CreateDirectory(Path.Combine(ws, ".git"));
        File.WriteAllText(Path.Combine(ws, ".git", "config"), "[core]\n");
        Directory.CreateDirectory(Path.Combine(ws, ".sov"));
        File.WriteAllText(Path.Combine(ws, ".sov", "notes.txt"), "sov notes\n");
        var outside = Path.Combine(h.Workspace.Parent!.FullName, $"sov-acp-outside-{Guid.NewGuid():n}.txt");
        File.WriteAllText(outside, "outside\n");
        try
        {
            h.Server.Enqueue(
                new ScriptedResponse().ToolCall("call_read", "read_file", Call("buffer.txt")),
                new ScriptedResponse().ToolCall("call_edit", "edit_file",
                    JsonSerializer.Serialize(new { path = "buffer.txt", old_string = "UNSAVED", new_string = "EDITED" })),
                new ScriptedResponse().ToolCall("call_write", "write_file", JsonSerializer.Serialize(new { path = "new.txt", content = "made in the editor\n" })),
                new ScriptedResponse().ToolCall("call_passwd", "read_file", Call("/etc/passwd")),
                new ScriptedResponse().ToolCall("call_outside", "read_file", Call("../" + Path.GetFileName(outside))),
                new ScriptedResponse().ToolCall("call_git", "read_file", Call(".git/config")),
                new ScriptedResponse().ToolCall("call_sov", "read_file", Call(".sov/notes.txt")),
                new ScriptedResponse().ToolCall("call_sov_write", "write_file", JsonSerializer.Serialize(new { path = ".sov/notes.txt", content = "x\n" })),
                ScriptedResponse.Text("Done."));
            var run = await h.RunAsync("fs", script: "fs.mjs");
            Assert.Equal("end_turn", run.GetProperty("stopReason").GetString());

            var requests = run.GetProperty("fsRequests").EnumerateArray()
                .Select(r => (Method: r.GetProperty("method").GetString()!, Path: r.GetProperty("path").GetString()!,
                    Content: r.TryGetProperty("content", out var c) ? c.GetString() : null)).ToList();
            var buffer = Path.Combine(ws, "buffer.txt");
            // Only the two files inside the border reached the editor: never /etc/passwd, the file outside, .git or .sov.
            Assert.All(requests, r => Assert.True(r.Path == buffer || r.Path == Path.Combine(ws, "new.txt"), $"{r.Method} {r.Path} reached the editor"));
            Assert.Contains(requests, r => r.Method == "fs/read_text_file" && r.Path == buffer);
            Assert.Contains(requests, r => r.Method == "fs/write_text_file" && r.Path == buffer && r.Content == "EDITED BUFFER TEXT\n");
            Assert.Contains(requests, r => r.Method == "fs/write_text_file" && r.Path == Path.Combine(ws, "new.txt") && r.Content == "made in the editor\n");

            // The model saw the unsaved buffer, not the disk; the disk is as the editor left it (it kept the writes in its buffers).
            var last = h.Server.ChatRequests[^1];
            Assert.Contains("UNSAVED BUFFER TEXT", last.ToolMessage("call_read"), StringComparison.Ordinal);
            Assert.DoesNotContain("DISK TEXT", last.ToolMessage("call_read"), StringComparison.Ordinal);
            Assert.Equal("DISK TEXT\n", File.ReadAllText(buffer));
            Assert.False(File.Exists(Path.Combine(ws, "new.txt")));
            Assert.Equal("EDITED BUFFER TEXT\n", run.GetProperty("buffers").GetProperty(buffer).GetString());

            // Outside the workspace: refused by the border; protected paths: read from the disk (never the editor), never written.
            Assert.Contains("outside the workspace", last.ToolMessage("call_passwd"), StringComparison.Ordinal);
            Assert.Contains("outside the workspace", last.ToolMessage("call_outside"), StringComparison.Ordinal);
            Assert.Contains("[core]", last.ToolMessage("call_git"), StringComparison.Ordinal);
            Assert.Contains("sov notes", last.ToolMessage("call_sov"), StringComparison.Ordinal);
            Assert.Equal("sov notes\n", File.ReadAllText(Path.Combine(ws, ".sov", "notes.txt")));

            // The writes are journaled as any write is.
            var journal = File.ReadAllText(Path.Combine(h.Home.FullName, "journal", run.GetProperty("sessionId").GetString() + ".jsonl"));
            Assert.Contains("\"file_write\"", journal, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public async Task AnEditorWithoutAFileSystemGetsTheDisk()
    {
        await using var h = await AcpClientHarness.StartAsync();
        var ws = h.Workspace.FullName;
        File.WriteAllText(Path.Combine(ws, "buffer.txt"), "DISK TEXT\n");
        h.Server.Enqueue(
            new ScriptedResponse().ToolCall("call_read", "read_file", Call("buffer.txt")),
            new ScriptedResponse().ToolCall("call_write", "write_file", JsonSerializer.Serialize(new { path = "new.txt", content = "on disk\n" })),
            ScriptedResponse.Text("Done."));
        var run = await h.RunAsync("disk", script: "fs.mjs");
        Assert.Equal("end_turn", run.GetProperty("stopReason").GetString());
        Assert.Empty(run.GetProperty("fsRequests").EnumerateArray());
        Assert.Contains("DISK TEXT", h.Server.ChatRequests[^1].ToolMessage("call_read"), StringComparison.Ordinal);
        Assert.Equal("on disk\n", File.ReadAllText(Path.Combine(ws, "new.txt")));
    }
}
