using System.Text;
using Sov.Core.Files;

namespace Sov.Tests.Files;

/// <summary>The reversible escape for file names that are not UTF-8 (issue #13 item 6).</summary>
public sealed class FileNamesTests
{
    [Theory]
    [InlineData(new byte[] { (byte)'a', 0xFF, (byte)'b' }, @"a\xffb")]
    [InlineData(new byte[] { 0xC3, 0xA9 }, "é")]
    [InlineData(new byte[] { 0xC3 }, @"\xc3")]
    [InlineData(new byte[] { (byte)'a', (byte)'\\', (byte)'x', (byte)'4', (byte)'1' }, @"a\\x41")]
    [InlineData(new byte[] { (byte)'a', (byte)'\\', (byte)'b' }, @"a\b")]
    [InlineData(new byte[] { (byte)'a', (byte)'\\', (byte)'\\' }, @"a\\\")]
    [InlineData(new byte[] { (byte)'\\', 0xFE }, @"\\\xfe")]
    public void NamesAreShownWithTheEscapeAndReadBack(byte[] name, string shown)
    {
        Assert.Equal(shown, FileNames.Show(name));
        Assert.Equal(name, FileNames.ToBytes(shown));
    }

    [Fact]
    public void EveryByteStringSurvivesTheRoundTrip()
    {
        var random = new Random(13);
        var alphabet = new byte[] { (byte)'a', (byte)'x', (byte)'\\', (byte)'4', (byte)'f', 0xC3, 0xA9, 0xFF, 0x80, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80 };
        for (var i = 0; i < 20_000; i++)
        {
            var name = Enumerable.Range(0, random.Next(1, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
            Assert.Equal(name, FileNames.ToBytes(FileNames.Show(name)));
        }
    }

    [Fact]
    public void PlainNamesAreUnchangedAndUsableByDotNet()
    {
        Assert.Equal("src/app.cs", FileNames.Show(Encoding.UTF8.GetBytes("src/app.cs")));
        Assert.Equal("src/app.cs", FileNames.AsText("src/app.cs"));
        Assert.Equal(@"a\b", FileNames.AsText(@"a\b"));
        Assert.Null(FileNames.AsText(@"bad\xffname"));
    }
}
