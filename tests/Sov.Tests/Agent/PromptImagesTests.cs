using Microsoft.Extensions.AI;
using Sov.Borders.FileSystem;
using Sov.Core.Agent;
using Sov.Core.Agent.Events;
using Sov.Core.Files;
using Sov.Core.Tools;
using Sov.Tests.Files;

namespace Sov.Tests.Agent;

/// <summary>An image path typed or pasted into a prompt attaches the image, for a model that accepts images (#17).</summary>
public sealed class PromptImagesTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("sov-prompt-images-");
    private readonly List<AgentEvent> _events = [];

    private ToolContext Context(bool images) => new(new Workspace(_root.FullName, new NativeFileSystem())) { ImagesAccepted = images };

    [Theory]
    [InlineData("what is in 'my shot.png'?")]
    [InlineData("what is in \"my shot.png\"?")]
    [InlineData("what is in my\\ shot.png?")]
    public void QuotedAndEscapedPathsAttach(string prompt)
    {
        File.WriteAllBytes(Path.Combine(_root.FullName, "my shot.png"), ImageFormatTests.Png);
        var message = PromptImages.Message(prompt, Context(true), _events.Add);
        var image = Assert.Single(message.Contents.OfType<DataContent>());
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal(prompt, message.Contents.OfType<TextContent>().First().Text);
    }

    [Fact]
    public void AnAbsolutePathAndAFileUrlAttach()
    {
        var path = Path.Combine(_root.FullName, "a.gif");
        File.WriteAllBytes(path, "GIF89a\u0001\u0000"u8.ToArray());
        Assert.Single(PromptImages.Message($"see {path}.", Context(true), _events.Add).Contents.OfType<DataContent>());
        Assert.Single(PromptImages.Message($"see file://{path}", Context(true), _events.Add).Contents.OfType<DataContent>());
    }

    [Fact]
    public void ATextOnlyModelGetsThePlainPromptAndThePersonIsTold()
    {
        File.WriteAllBytes(Path.Combine(_root.FullName, "a.png"), ImageFormatTests.Png);
        var message = PromptImages.Message("look at a.png", Context(false), _events.Add);
        Assert.Equal("look at a.png", Assert.IsType<TextContent>(Assert.Single(message.Contents)).Text);
        Assert.Contains(_events.OfType<Warning>(), w => w.Message.Contains("takes text only", StringComparison.Ordinal));
    }

    [Fact]
    public void WordsThatAreNotImagesLeaveThePromptAsItWas()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "notes.txt"), "text");
        var message = PromptImages.Message("read notes.txt and src/ then x.png", Context(true), _events.Add);
        Assert.Single(message.Contents);
        Assert.Empty(_events);
    }

    public void Dispose() => _root.Delete(recursive: true);
}
