using System.Diagnostics;
using System.Text.Json;
using Sov.TestKit;

namespace Sov.EndToEnd.Acp;

/// <summary>
/// #18: what a client library never sends, written raw to <c>sov acp</c>: a line that is not JSON, JSON that is not a
/// JSON-RPC message, an unknown method, a session that does not exist. Each gets the protocol's error (id null when
/// the id could not be read) and the agent keeps serving: <c>initialize</c> after them is answered.
/// </summary>
public sealed class AcpProtocolErrorTests
{
    [Fact]
    public async Task BadMessagesGetTheProtocolsErrorsAndTheAgentKeepsServing()
    {
        var home = Directory.CreateTempSubdirectory("sov-acp-home-");
        var start = new ProcessStartInfo(SovBinary.Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = home.FullName,
        };
        foreach (var arg in new[] { "acp", "--endpoint", "http://127.0.0.1:9/v1", "--model", "m" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";
        start.Environment["SOV_HOME"] = home.FullName;
        using var process = Process.Start(start)!;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            async Task<JsonElement> AskAsync(string line)
            {
                await process.StandardInput.WriteLineAsync(line.AsMemory(), deadline.Token);
                await process.StandardInput.FlushAsync(deadline.Token);
                var answer = await process.StandardOutput.ReadLineAsync(deadline.Token) ?? throw new InvalidOperationException("sov acp closed stdout");
                return JsonDocument.Parse(answer).RootElement.Clone();
            }

            var parse = await AskAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
            Assert.Equal(-32700, parse.GetProperty("error").GetProperty("code").GetInt32());
            Assert.Equal(JsonValueKind.Null, parse.GetProperty("id").ValueKind);

            var invalid = await AskAsync("{\"jsonrpc\":\"1.0\",\"id\":2,\"method\":\"initialize\"}");
            Assert.Equal(-32600, invalid.GetProperty("error").GetProperty("code").GetInt32());

            var array = await AskAsync("[1,2,3]");
            Assert.Equal(-32600, array.GetProperty("error").GetProperty("code").GetInt32());

            var unknown = await AskAsync("{\"jsonrpc\":\"2.0\",\"id\":\"u\",\"method\":\"tools/list\",\"params\":{}}");
            Assert.Equal(-32601, unknown.GetProperty("error").GetProperty("code").GetInt32());
            Assert.Equal("u", unknown.GetProperty("id").GetString());

            var noSession = await AskAsync("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"session/prompt\",\"params\":{\"sessionId\":\"nope\",\"prompt\":[{\"type\":\"text\",\"text\":\"hi\"}]}}");
            Assert.Equal(-32002, noSession.GetProperty("error").GetProperty("code").GetInt32());

            var badParams = await AskAsync("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"session/new\",\"params\":{\"cwd\":\"relative/path\",\"mcpServers\":[]}}");
            Assert.Equal(-32602, badParams.GetProperty("error").GetProperty("code").GetInt32());

            var missing = await AskAsync("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"session/new\",\"params\":{\"cwd\":\"/no/such/folder/anywhere\",\"mcpServers\":[]}}");
            Assert.Equal(-32602, missing.GetProperty("error").GetProperty("code").GetInt32());

            var init = await AskAsync("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"initialize\",\"params\":{\"protocolVersion\":7}}");
            Assert.Equal(5, init.GetProperty("id").GetInt32());
            Assert.Equal(1, init.GetProperty("result").GetProperty("protocolVersion").GetInt32()); // the version Sovereign speaks

            process.StandardInput.Close();
            await process.WaitForExitAsync(deadline.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.Equal("", await process.StandardOutput.ReadToEndAsync(deadline.Token));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            try
            {
                _ = await stderr;
            }
            catch (OperationCanceledException)
            {
                // the deadline passed: the assertion above says why
            }

            home.Delete(recursive: true);
        }
    }
}
