using System.Text;
using Sov.Core.Files;

namespace Sov.Tests.Files;

public sealed class TextFormatTests
{
    [Theory]
    [InlineData("a\r\nb\r\n", false)]
    [InlineData("a\nb\n", false)]
    [InlineData("a\nb", true)]
    public void Utf8RoundTripsByteForByte(string text, bool bom)
    {
        byte[] bytes = [.. (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : []), .. Encoding.UTF8.GetBytes(text)];
        var (decoded, format) = TextFormat.Decode(bytes)!.Value;
        Assert.Equal(text, decoded);
        Assert.Equal(bom, format.Bom);
        Assert.Equal(bytes, format.Encode(decoded, convertLineEndings: false));
    }

    [Fact]
    public void Utf16KeepsItsEncodingAndCrlfIsApplied()
    {
        var bytes = new UnicodeEncoding(false, true).GetPreamble().Concat(Encoding.Unicode.GetBytes("x\r\ny\r\n")).ToArray();
        var (text, format) = TextFormat.Decode(bytes)!.Value;
        Assert.Equal(TextEncodingKind.Utf16LittleEndian, format.Encoding);
        Assert.Equal("\r\n", format.LineEnding);
        Assert.Equal(new UnicodeEncoding(false, true).GetPreamble().Concat(Encoding.Unicode.GetBytes("p\r\nq\r\n")), format.Encode("p\nq\n", convertLineEndings: true));
        Assert.Equal("x\r\ny\r\n", text);
    }

    [Fact]
    public void BinaryAndInvalidUtf8AreNotText()
    {
        Assert.Null(TextFormat.Decode([0x41, 0x00, 0x42]));
        Assert.Null(TextFormat.Decode([0x41, 0xC3, 0x28]));
    }
}
