namespace Sov.Core.Web;

/// <summary>The attributes of one start tag (<c>name="v"</c>, <c>name='v'</c>, <c>name=v</c>, <c>name</c>), names lower-cased.</summary>
internal static class HtmlAttributes
{
    /// <summary>Reads from just after the tag name to its <c>&gt;</c>; returns the attributes and where the tag ends.</summary>
    public static (Dictionary<string, string> Attributes, int After) Read(string html, int at)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = at;
        while (i < html.Length && html[i] != '>')
        {
            if (char.IsWhiteSpace(html[i]) || html[i] == '/')
            {
                i++;
                continue;
            }

            var start = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('=' or '>' or '/'))
            {
                i++;
            }

            var name = html[start..i].ToLowerInvariant();
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            var value = "";
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var end = html.IndexOf(quote, i + 1);
                    end = end < 0 ? html.Length : end;
                    value = html[(i + 1)..end];
                    i = Math.Min(html.Length, end + 1);
                }
                else
                {
                    var vs = i;
                    while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }

                    value = html[vs..i];
                }
            }

            if (name.Length > 0)
            {
                attributes.TryAdd(name, HtmlToMarkdown.Decode(value));
            }
        }

        return (attributes, Math.Min(html.Length, i + 1));
    }
}
