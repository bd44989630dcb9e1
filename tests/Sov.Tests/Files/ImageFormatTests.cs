using Sov.Core.Files;

namespace Sov.Tests.Files;

/// <summary>Images are told by their first bytes, never by their names (#17).</summary>
public sealed class ImageFormatTests
{
    public static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 1, 2, 3];

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16 }, "image/jpeg")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 1, 0 }, "image/gif")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7', (byte)'a', 1, 0 }, "image/gif")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 4, 0, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P', (byte)'V' }, "image/webp")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 4, 0, 0, 0, (byte)'W', (byte)'A', (byte)'V', (byte)'E' }, null)]
    [InlineData(new byte[] { (byte)'h', (byte)'i' }, null)]
    [InlineData(new byte[0], null)]
    public void FormatsAreToldByTheirFirstBytes(byte[] head, string? expected) => Assert.Equal(expected, ImageFormat.Detect(head));

    [Fact]
    public void PngIsDetectedAndTheStreamRewound()
    {
        using var stream = new MemoryStream(Png);
        Assert.Equal("image/png", ImageFormat.Detect(stream));
        Assert.Equal(0, stream.Position);
    }
}
