using System.Globalization;
using System.Security.Cryptography;
using Sov.Core.Audit;
using Sov.Core.Audit.Records;
using Sov.Core.Secrets;
using Sov.Core.Tools.Effects;
using Sov.Core.Web;

namespace Sov.Core.Tools.Web;

/// <summary>
/// <c>web_fetch {url, prompt?}</c> (#17): one page from a host of the user's <c>[web] allow</c> list, as Markdown. Offered
/// only when that list is not empty. A URL off the list is refused by the permission gate before anything is resolved
/// (<see cref="EffectOf"/>), and again here; a URL carrying what looks like a secret is refused; every fetch is journaled
/// with the exact URL, its byte size and SHA-256 (<see cref="WebFetchRecord"/>). The page passes the text border on its way
/// to the model like every tool output (hidden characters revealed).
/// </summary>
public sealed class WebFetchTool(WebAllowList allow, IWebFetcher fetcher, Action<IJournalRecord>? record, Redactor? redactor) : ITool
{
    public const long MaxBytes = 2L * 1024 * 1024;
    public const int MaxOutputChars = 100_000;

    public string Name => "web_fetch";

    public string Description => $"Fetch a web page and return it as Markdown. Only these hosts: {allow.Hosts}.";

    public ToolSchema Schema { get; } = new(
        new ToolParameter("url", ToolParameterType.String, "http(s) URL", Required: true),
        new ToolParameter("prompt", ToolParameterType.String, "what to look for"));

    public bool IsReadOnly => true;

    public ToolEffect EffectOf(ToolArguments arguments) =>
        Parse(arguments?.GetString("url")) is { } uri
            ? new Network(uri.GetLeftPart(UriPartial.Authority)) { Listed = allow.Allows(uri) }
            : new Network("(not an http(s) URL)") { Listed = false };

    public async Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var text = arguments.RequireString("url");
        if (Parse(text) is not { } url)
        {
            return ToolOutput.Error($"'{text}' is not an http(s) URL; give a full URL such as https://host/path.");
        }

        if (!allow.Allows(url))
        {
            return Refused(url.AbsoluteUri, $"{url.GetLeftPart(UriPartial.Authority)} is not in the [web] allow list ({allow.Hosts})");
        }

        if (redactor?.Redact(url.AbsoluteUri) is { Changed: true } redacted)
        {
            return Refused(redacted.Text, "the URL carries what looks like a secret");
        }

        WebPage page;
        try
        {
            page = await fetcher.FetchAsync(url, MaxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (WebFetchException e)
        {
            record?.Invoke(new WebFetchRecord(url.AbsoluteUri, e.Refused ? "refused" : "failed") { Reason = e.Message });
            return ToolOutput.Error($"Could not fetch {url.AbsoluteUri}: {e.Message}.");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(page.Body));
        record?.Invoke(new WebFetchRecord(url.AbsoluteUri, "fetched")
        {
            FinalUrl = page.FinalUrl.AbsoluteUri,
            Status = page.Status,
            ContentType = page.ContentType,
            Bytes = page.Body.LongLength,
            Sha256 = sha,
            Truncated = page.Truncated,
        });
        var header = $"URL: {page.FinalUrl.AbsoluteUri}\nStatus: {page.Status.ToString(CultureInfo.InvariantCulture)}, " +
            $"{page.ContentType ?? "no content type"}, {page.Body.Length.ToString(CultureInfo.InvariantCulture)} bytes" +
            (page.Truncated ? $" (cut at {MaxBytes.ToString(CultureInfo.InvariantCulture)})" : "") +
            (arguments.GetString("prompt") is { Length: > 0 } prompt ? $"\nLooking for: {prompt}" : "") + "\n\n";
        var body = WebContent.ToText(page);
        if (body is null)
        {
            return ToolOutput.Error(header + "The content is not text (HTML, Markdown, plain text, JSON or XML); it is not shown.");
        }

        if (body.Length > MaxOutputChars)
        {
            body = body[..MaxOutputChars] + $"\n[cut at {MaxOutputChars.ToString(CultureInfo.InvariantCulture)} characters]";
        }

        return page.Status >= 400 ? ToolOutput.Error(header + body) : ToolOutput.Ok(header + body);
    }

    private ToolOutput Refused(string url, string reason)
    {
        record?.Invoke(new WebFetchRecord(url, "refused") { Reason = reason });
        return ToolOutput.Error($"Refused: {reason}. Do not retry; fetch only from the allowed hosts.");
    }

    private static Uri? Parse(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0 ? uri : null;
}
