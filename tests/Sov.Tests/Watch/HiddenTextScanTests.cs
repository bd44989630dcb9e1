using System.Text;
using Sov.Core.Watch;

namespace Sov.Tests.Watch;

/// <summary>What a watched command produced is scanned by the text border, payloads decoded (#19).</summary>
public sealed class HiddenTextScanTests
{
    [Fact]
    public void ZeroWidthRunsAndTagSmugglingAreReported()
    {
        var found = HiddenTextScan.Scan("stdout", Encoding.UTF8.GetBytes("Hello.\u200b\u200c\u200b\u200d\u200b\nok \U000E0068\U000E0069\n"));
        Assert.Contains(found, h => h.Rule == "zero-width-run" && h.Line == 1);
        Assert.Contains(found, h => h.Rule == "tag-smuggling" && h.Message.Contains("\"hi\"", StringComparison.Ordinal));
    }

    [Fact]
    public void TrailingWhitespacePatternsAreDecoded()
    {
        var text = new StringBuilder();
        foreach (var bit in "0100111101001011")
        {
            text.Append("note").Append(bit == '1' ? '\t' : ' ').Append('\n');
        }

        var found = Assert.Single(HiddenTextScan.Scan("notes.md", Encoding.UTF8.GetBytes(text.ToString())));
        Assert.Equal("trailing-whitespace-pattern", found.Rule);
        Assert.Contains("decodes to \"OK\"", found.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EscapedWatermarksInSentJsonAreSeen()
    {
        var body = Encoding.UTF8.GetBytes("{\"content\":\"say hello\\u200b\\u200c\\u200b\\u200d\"}");
        Assert.Contains(HiddenTextScan.Scan("sent", JsonEscapes.Unescape(body)), h => h.Rule == "zero-width-run");
    }

    [Fact]
    public void CleanTextGivesNothing() =>
        Assert.Empty(HiddenTextScan.Scan("stdout", "Hello.\nAll good, caf\u00e9.\n"u8));
}
