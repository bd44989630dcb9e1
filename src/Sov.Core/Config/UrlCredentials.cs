namespace Sov.Core.Config;

/// <summary>
/// Endpoint URLs never carry credentials: <c>http://user:password@host</c> would be sent as a header nobody
/// configured, written into the journal's session record and shown in messages. Such a URL is refused, and
/// the message shows it with the user part hidden.
/// </summary>
public static class UrlCredentials
{
    public static Uri Refuse(Uri uri, string what)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.UserInfo.Length == 0)
        {
            return uri;
        }

        var shown = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped);
        throw new ConfigException(
            $"The {what} '{shown.Replace("://", "://***@", StringComparison.Ordinal)}' carries a user name or password; Sovereign does not put credentials in URLs.",
            "Remove 'user:password@' from it and name the variable holding the key with api_key_env (or bearer_token_env for an MCP server).");
    }
}
