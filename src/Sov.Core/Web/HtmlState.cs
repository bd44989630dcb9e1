using System.Globalization;

namespace Sov.Core.Web;

/// <summary>What <see cref="HtmlToMarkdown"/> is inside while it walks a page: links, lists, quotes, <c>pre</c>, table rows.</summary>
internal sealed class HtmlState(MarkdownWriter writer, Uri? baseUri)
{
    private readonly Stack<string?> _links = new();
    private readonly Stack<(bool Ordered, int Next)> _lists = new();
    private int _pre;
    private bool _rowHasCell;

    public MarkdownWriter Writer { get; } = writer;

    public string? Title { get; set; }

    public void Text(string text) => Writer.Text(HtmlToMarkdown.Decode(text));

    public void Start(string name, Dictionary<string, string> attributes, bool block)
    {
        if (Inline(name) is { } mark)
        {
            Writer.Mark(mark);
            return;
        }

        switch (name)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                Writer.Block();
                Writer.Mark(new string('#', name[1] - '0') + " ");
                break;
            case "br":
                Writer.Line();
                break;
            case "hr":
                Writer.Block();
                Writer.Mark("---");
                Writer.Block();
                break;
            case "ul" or "ol":
                if (_lists.Count == 0)
                {
                    Writer.Block();
                }

                _lists.Push((name == "ol", attributes.TryGetValue("start", out var s) && int.TryParse(s, CultureInfo.InvariantCulture, out var n) ? n : 1));
                break;
            case "li":
                Writer.Line();
                Writer.Indent = new string(' ', 2 * Math.Max(0, _lists.Count - 1));
                if (_lists.TryPop(out var list))
                {
                    Writer.Mark(list.Ordered ? list.Next.ToString(CultureInfo.InvariantCulture) + ". " : "- ");
                    _lists.Push(list with { Next = list.Next + 1 });
                }
                else
                {
                    Writer.Mark("- ");
                }

                break;
            case "a":
                var href = Link(attributes.GetValueOrDefault("href"));
                _links.Push(href);
                if (href is not null)
                {
                    Writer.Mark("[");
                }

                break;
            case "img" when attributes.GetValueOrDefault("alt") is { Length: > 0 } alt:
                Writer.Mark($"![{alt.Trim()}]" + (Link(attributes.GetValueOrDefault("src")) is { } src ? $"({src})" : ""));
                break;
            case "pre":
                Writer.Block();
                Writer.Mark("```");
                Writer.Line();
                _pre++;
                Writer.Preformatted = true;
                break;
            case "blockquote":
                Writer.Block();
                Writer.QuoteDepth++;
                break;
            case "tr":
                Writer.Line();
                _rowHasCell = false;
                break;
            case "td" or "th":
                Writer.Mark(_rowHasCell ? " | " : "| ", spaceBefore: false);
                _rowHasCell = true;
                break;
            case "dt":
                Writer.Line();
                break;
            case "dd":
                Writer.Line();
                Writer.Mark(": ");
                break;
            default:
                if (block)
                {
                    Writer.Block();
                }

                break;
        }
    }

    public void End(string name)
    {
        if (Inline(name) is { } mark)
        {
            Writer.Close(mark);
            return;
        }

        switch (name)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "p" or "table" or "dl":
                Writer.Block();
                break;
            case "ul" or "ol":
                _lists.TryPop(out _);
                Writer.Indent = new string(' ', 2 * Math.Max(0, _lists.Count - 1));
                if (_lists.Count == 0)
                {
                    Writer.Indent = "";
                    Writer.Block();
                }
                else
                {
                    Writer.Line();
                }

                break;
            case "a":
                if (_links.TryPop(out var href) && href is not null)
                {
                    Writer.Close($"]({href})");
                }

                break;
            case "pre" when _pre > 0:
                _pre--;
                Writer.Preformatted = _pre > 0;
                Writer.Line();
                Writer.Mark("```");
                Writer.Block();
                break;
            case "blockquote":
                Writer.QuoteDepth = Math.Max(0, Writer.QuoteDepth - 1);
                Writer.Block();
                break;
            case "tr":
                if (_rowHasCell)
                {
                    Writer.Close(" |");
                }

                Writer.Line();
                break;
            default:
                if (name is "div" or "section" or "article" or "main" or "header" or "footer" or "nav" or "aside" or "figure" or "form" or "li" or "details" or "summary")
                {
                    Writer.Line();
                }

                break;
        }
    }

    /// <summary>The Markdown that opens and closes an inline element (bold, italic, code outside <c>pre</c>), or null.</summary>
    private string? Inline(string name) => name switch
    {
        "strong" or "b" => "**",
        "em" or "i" => "*",
        "code" or "kbd" or "samp" when _pre == 0 => "`",
        _ => null,
    };

    /// <summary>A link made absolute against the page; null for none, a fragment, or a script.</summary>
    private string? Link(string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || href.StartsWith('#'))
        {
            return null;
        }

        var target = baseUri is not null && Uri.TryCreate(baseUri, href.Trim(), out var absolute) ? absolute
            : Uri.TryCreate(href.Trim(), UriKind.Absolute, out var given) ? given : null;
        return target is null || target.Scheme is not ("http" or "https" or "mailto") ? null : target.AbsoluteUri;
    }
}
