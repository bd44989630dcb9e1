using Sov.Core.Text;
using Sov.Core.Web;

namespace Sov.Tests.Web;

/// <summary>Our small HTML to Markdown converter for web_fetch (#17).</summary>
public sealed class HtmlToMarkdownTests
{
    private static readonly Uri Base = new("https://docs.example/guide/page.html");

    [Fact]
    public void HeadingsParagraphsLinksAndEmphasis()
    {
        var md = HtmlToMarkdown.Convert("""
            <!doctype html><html><head><title>Guide</title><style>p{color:red}</style><script>var x = "<p>no</p>";</script></head>
            <body><h1>Install</h1><p>Run   <code>pip install x</code>, then read <a href="../api.html#top">the <b>API</b></a>.</p>
            <p>Fish &amp; chips&nbsp;&mdash; <em>fast</em>.</p><!-- a comment --></body></html>
            """, Base);
        Assert.Equal("# Install\n\nRun `pip install x`, then read [the **API**](https://docs.example/api.html#top).\n\nFish & chips — *fast*.", md);
    }

    [Fact]
    public void ListsPreAndTables()
    {
        var md = HtmlToMarkdown.Convert("""
            <ul><li>one</li><li>two<ol><li>a</li><li>b</li></ol></li></ul>
            <pre><code>def f():
                return 1</code></pre>
            <table><tr><th>k</th><th>v</th></tr><tr><td>a</td><td>1</td></tr></table>
            """, Base);
        Assert.Contains("- one\n- two\n  1. a\n  2. b", md, StringComparison.Ordinal);
        Assert.Contains("```\ndef f():\n    return 1\n```", md, StringComparison.Ordinal);
        Assert.Contains("| k | v |\n| a | 1 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTitleLeadsWhenThePageHasNoHeading()
    {
        Assert.Equal("# T\n\nbody", HtmlToMarkdown.Convert("<html><head><title>T</title></head><body>body</body></html>", null));
    }

    [Fact]
    public void ScriptLinksAndDroppedElementsLeaveNoTrace()
    {
        var md = HtmlToMarkdown.Convert("<p><a href=\"javascript:alert(1)\">click</a><svg><text>x</text></svg><noscript>enable js</noscript></p>", Base);
        Assert.Equal("click", md);
    }

    [Fact]
    public void HiddenCharactersWrittenAsEntitiesAreKeptForTheTextBorderToReveal()
    {
        // A page hiding an instruction in tag characters (U+E0041...) behind entities: decoded, so the border sees them.
        var md = HtmlToMarkdown.Convert("<p>Docs&#xE0049;&#xE0047;&#x200B;end</p>", Base);
        Assert.Contains("\U000E0049", md, StringComparison.Ordinal);
        var revealed = TextBorder.Reveal(md);
        Assert.DoesNotContain("\U000E0049", revealed, StringComparison.Ordinal);
        Assert.DoesNotContain("\u200B", revealed, StringComparison.Ordinal);
    }
}
