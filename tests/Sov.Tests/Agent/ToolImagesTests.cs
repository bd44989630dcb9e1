using System.Text.Json;
using Sov.Borders.FileSystem;
using Sov.Core.Agent;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Permission;
using Sov.Core.Agent.Submissions;
using Sov.Core.Files;
using Sov.Core.Tools;
using Sov.TestKit.Model;
using Sov.Tests.Files;
using Sov.Tests.Models;

namespace Sov.Tests.Agent;

/// <summary>An image read_file returned reaches the model in the next request as an image_url part (#17), only when images are on.</summary>
public sealed class ToolImagesTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AReadImageIsInTheNextRequestOnlyWhenTheModelAcceptsImages(bool images)
    {
        await using var model = await ModelClientFixture.StartAsync();
        var root = Directory.CreateTempSubdirectory("sov-tool-images-");
        try
        {
            File.WriteAllBytes(Path.Combine(root.FullName, "shot.png"), ImageFormatTests.Png);
            model.Server.Enqueue(new ScriptedResponse().ToolCall("c1", "read_file", """{"path":"shot.png"}"""), ScriptedResponse.Text("a chart"));
            var context = new ToolContext(new Workspace(root.FullName, new NativeFileSystem())) { ImagesAccepted = images };
            await using var session = new AgentSession(model.Client, ToolRegistry.ReadOnlyBuiltIns(), context, new HeadlessPermissionGate(), new AgentOptions());
            session.Submit(new UserTurn("what is in the screenshot?"));
            await foreach (var e in session.Events.ReadAllAsync(TestContext.Current.CancellationToken))
            {
                if (e is TurnCompleted)
                {
                    break;
                }
            }

            using var second = JsonDocument.Parse(model.Server.ChatRequests[1].Body);
            var parts = second.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("content").ValueKind == JsonValueKind.Array)
                .SelectMany(m => m.GetProperty("content").EnumerateArray()).ToList();
            var url = "data:image/png;base64," + Convert.ToBase64String(ImageFormatTests.Png);
            if (images)
            {
                Assert.Contains(parts, p => p.GetProperty("type").GetString() == "image_url" && p.GetProperty("image_url").GetProperty("url").GetString() == url);
            }
            else
            {
                Assert.Empty(parts);
                Assert.Contains("takes text only", model.Server.ChatRequests[1].Body, StringComparison.Ordinal);
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
