using System.Text.Json;
using Sov.TestKit;

namespace Sov.EndToEnd;

/// <summary>
/// Images on the published binary (#17): read_file on a PNG puts an image_url part in the next request when the config
/// says the model accepts images, and a text notice when it does not; a path in the prompt attaches the image.
/// </summary>
public sealed class ImageInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 7, 7, 7];

    private static string DataUrl => "data:image/png;base64," + Convert.ToBase64String(Png);

    private static List<JsonElement> Parts(string body)
    {
        using var doc = JsonDocument.Parse(body);
        return [.. doc.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("content").ValueKind == JsonValueKind.Array)
            .SelectMany(m => m.GetProperty("content").EnumerateArray()).Select(p => p.Clone())];
    }

    private static string Home(string config)
    {
        var home = Directory.CreateTempSubdirectory("sov-img-home-").FullName;
        File.WriteAllText(Path.Combine(home, "config.toml"), config);
        return home;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnImageReadGoesToTheModelOnlyWhenItAcceptsImages(bool images)
    {
        await using var h = await ExecHarness.StartAsync();
        File.WriteAllBytes(Path.Combine(h.Workspace.FullName, "chart.png"), Png);
        h.Server.Enqueue(new TestKit.Model.ScriptedResponse().ToolCall("c1", "read_file", """{"path":"chart.png"}"""), TestKit.Model.ScriptedResponse.Text("a chart"));
        var result = await h.ExecAsync(["what does chart.png show?"], sovHome: Home(images ? "images = true\n" : ""));
        Assert.True(result.ExitCode == 0, result.Stderr);
        var second = Parts(h.Server.ChatRequests[1].Body);
        if (images)
        {
            Assert.Contains(second, p => p.GetProperty("type").GetString() == "image_url" && p.GetProperty("image_url").GetProperty("url").GetString() == DataUrl);
        }
        else
        {
            Assert.Empty(second);
            Assert.Contains("takes text only", h.Server.ChatRequests[1].Body, StringComparison.Ordinal);
            Assert.Empty(Parts(h.Server.ChatRequests[0].Body)); // the prompt naming chart.png sent no image either
        }
    }

    [Fact]
    public async Task AQuotedPathInThePromptAttachesTheImage()
    {
        await using var h = await ExecHarness.StartAsync();
        File.WriteAllBytes(Path.Combine(h.Workspace.FullName, "my shot.png"), Png);
        var result = await h.ExecAsync(["what is in 'my shot.png'?"], sovHome: Home("images = true\n"));
        Assert.True(result.ExitCode == 0, result.Stderr);
        var first = Parts(h.Server.ChatRequests[0].Body);
        Assert.Equal("what is in 'my shot.png'?", first[0].GetProperty("text").GetString());
        Assert.Contains(first, p => p.GetProperty("type").GetString() == "image_url" && p.GetProperty("image_url").GetProperty("url").GetString() == DataUrl);
    }
}
