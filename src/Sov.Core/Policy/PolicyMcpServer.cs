using Sov.Core.Config;

namespace Sov.Core.Policy;

/// <summary>One MCP server a policy allows: by name, and by the command or URL it must have when the policy gives one.</summary>
public sealed record PolicyMcpServer(string Name, string? Command, Uri? Url)
{
    /// <summary>Whether the user's <paramref name="server"/> is this one: same name, and the same command or URL where pinned.</summary>
    public bool Allows(McpServerSettings server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return string.Equals(Name, server.Name, StringComparison.Ordinal)
            && (Command is null || string.Equals(Command, server.Command, StringComparison.Ordinal))
            && (Url is null || (server.Url is not null && Uri.Compare(Url, server.Url, UriComponents.AbsoluteUri, UriFormat.UriEscaped, StringComparison.Ordinal) == 0));
    }

    /// <summary>What the server must be, in words.</summary>
    public string Describe() => Command is not null ? $"command {Command}" : Url is not null ? $"url {Url}" : "any command or URL";
}
