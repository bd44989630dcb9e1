using System.Text;

namespace Sov.Core.Web;

/// <summary>A fetched body as text for the model: HTML converted to Markdown, other text as it is; null for anything else.</summary>
public static class WebContent
{
    public static string? ToText(WebPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var (type, charset) = Split(page.ContentType);
        var text = Decode(page.Body, charset);
        var looksHtml = text.TrimStart().StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || text.TrimStart().StartsWith("<html", StringComparison.OrdinalIgnoreCase);
        if (type is "text/html" or "application/xhtml+xml" || (type.Length == 0 && looksHtml))
        {
            return HtmlToMarkdown.Convert(text, page.FinalUrl);
        }

        var isText = type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("json", StringComparison.Ordinal)
            || type.EndsWith("xml", StringComparison.Ordinal) || (type.Length == 0 && !page.Body.AsSpan(0, Math.Min(page.Body.Length, 8192)).Contains((byte)0));
        return isText ? text : null;
    }

    private static (string Type, string? Charset) Split(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return ("", null);
        }

        var parts = contentType.Split(';', StringSplitOptions.TrimEntries);
        var charset = parts.Skip(1).Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
            .FirstOrDefault(kv => kv.Length == 2 && kv[0].Equals("charset", StringComparison.OrdinalIgnoreCase))?[1].Trim('"');
        return (parts[0].ToLowerInvariant(), charset);
    }

    private static string Decode(byte[] body, string? charset)
    {
        var encoding = charset?.ToLowerInvariant() switch
        {
            "iso-8859-1" or "latin1" or "windows-1252" => Encoding.Latin1,
            "us-ascii" or "ascii" => Encoding.ASCII,
            "utf-16" or "utf-16le" => Encoding.Unicode,
            _ => Encoding.UTF8,
        };
        return encoding.GetString(body);
    }
}
