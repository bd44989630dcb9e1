using Sov.Core.Files;
using Sov.Core.Tools.BuiltIn;
using Sov.Tests.Files;

namespace Sov.Tests.Tools;

/// <summary>read_file on an image (#17): the image for a model that accepts images, a notice for a text-only one, a cap.</summary>
public sealed class ReadFileImageTests : ToolTestBase
{
    private readonly ReadFileTool _tool = new();

    [Fact]
    public async Task AnImageGoesToAModelThatAcceptsImagesWhateverItsName()
    {
        File.WriteAllBytes(Path.Combine(Root.FullName, "screenshot"), ImageFormatTests.Png); // no extension: the bytes decide
        using var doc = System.Text.Json.JsonDocument.Parse("""{"path":"screenshot"}""");
        var result = await _tool.ExecuteAsync(Sov.Core.Tools.ArgumentCoercer.Coerce(_tool.Schema, doc.RootElement),
            Context with { ImagesAccepted = true }, TestContext.Current.CancellationToken);
        Assert.False(result.IsError, result.Text);
        Assert.Equal("image/png", result.Image?.MediaType);
        Assert.Equal(ImageFormatTests.Png, result.Image!.Bytes.ToArray());
        Assert.Contains("PNG image", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATextOnlyModelIsToldInsteadOfSentTheImage()
    {
        File.WriteAllBytes(Path.Combine(Root.FullName, "a.png"), ImageFormatTests.Png);
        var result = await RunAsync(_tool, """{"path":"a.png"}""");
        Assert.True(result.IsError);
        Assert.Null(result.Image);
        Assert.Contains("takes text only", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileNamedPngThatIsTextIsReadAsText()
    {
        Write("fake.png", "just text\n");
        var result = await RunAsync(_tool, """{"path":"fake.png"}""");
        Assert.Equal("     1\tjust text\n", result.Text);
    }

    [Fact]
    public async Task AnImageOverTheCapIsRefusedWithItsSize()
    {
        var big = new byte[ImageFormat.MaxBytes + 1];
        ImageFormatTests.Png.CopyTo(big, 0);
        File.WriteAllBytes(Path.Combine(Root.FullName, "big.png"), big);
        using var doc = System.Text.Json.JsonDocument.Parse("""{"path":"big.png"}""");
        var result = await _tool.ExecuteAsync(Sov.Core.Tools.ArgumentCoercer.Coerce(_tool.Schema, doc.RootElement),
            Context with { ImagesAccepted = true }, TestContext.Current.CancellationToken);
        Assert.True(result.IsError);
        Assert.Null(result.Image);
        Assert.Contains("over the 5 MB limit", result.Text, StringComparison.Ordinal);
    }
}
