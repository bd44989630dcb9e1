using System.Net;

namespace Sov.Core.Web;

/// <summary>
/// A small HTML to Markdown converter for web_fetch: headings, paragraphs, links (made absolute), emphasis, code and
/// <c>pre</c> blocks, lists, quotes, tables as <c>|</c>-separated rows, images by their alt text; scripts, styles and other
/// non-content elements dropped. Entities are decoded, so hidden characters written as entities are as visible to the
/// text border (which reveals them before the model sees them) as ones written plainly. Not a full HTML parser: the
/// goal is readable text for a model, from pages as they are.
/// </summary>
public static class HtmlToMarkdown
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "math", "select",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "figure", "figcaption", "form",
        "table", "dl", "address", "details", "summary", "fieldset", "center", "body",
    };

    public static string Convert(string html, Uri? baseUri)
    {
        ArgumentNullException.ThrowIfNull(html);
        var state = new HtmlState(new MarkdownWriter(), baseUri);
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                state.Text(html[i..]);
                break;
            }

            if (lt > i)
            {
                state.Text(html[i..lt]);
            }

            i = Tag(html, lt, state);
        }

        var body = state.Writer.ToString();
        return state.Title is { Length: > 0 } title && !body.StartsWith("# ", StringComparison.Ordinal) ? $"# {title}\n\n{body}".TrimEnd() : body;
    }

    /// <summary>Handles the markup at <paramref name="lt"/> and returns where the text after it starts.</summary>
    private static int Tag(string html, int lt, HtmlState state)
    {
        if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
        {
            var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }

        var closing = lt + 1 < html.Length && html[lt + 1] == '/';
        var nameStart = lt + (closing ? 2 : 1);
        var nameEnd = nameStart;
        while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
        {
            nameEnd++;
        }

        if (nameEnd == nameStart)
        {
            if (lt + 1 < html.Length && html[lt + 1] is '!' or '?' || closing)
            {
                var skip = html.IndexOf('>', lt);
                return skip < 0 ? html.Length : skip + 1; // a doctype, a processing instruction, an empty end tag
            }

            state.Text("<");
            return lt + 1;
        }

        var name = html[nameStart..nameEnd].ToLowerInvariant();
        var (attributes, after) = HtmlAttributes.Read(html, nameEnd);
        if (closing)
        {
            state.End(name);
            return after;
        }

        if (name is "title" or "textarea" || Dropped.Contains(name))
        {
            var end = html.IndexOf("</" + name, after, StringComparison.OrdinalIgnoreCase);
            var inner = end < 0 ? html[after..] : html[after..end];
            if (name == "title")
            {
                state.Title ??= Decode(inner).Trim();
            }
            else if (name == "textarea")
            {
                state.Text(inner);
            }

            var close = end < 0 ? -1 : html.IndexOf('>', end);
            return close < 0 ? html.Length : close + 1;
        }

        state.Start(name, attributes, Blocks.Contains(name));
        return after;
    }

    /// <summary>Entities decoded; a no-break space is a space (the text border would flag every one).</summary>
    internal static string Decode(string text) => WebUtility.HtmlDecode(text).Replace('\u00A0', ' ');
}
