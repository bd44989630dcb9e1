namespace Sov.Core.Config;

/// <summary>
/// The user's <c>[acp]</c> table (<c>sov acp</c>, #18): whether MCP servers an editor offers in <c>session/new</c> are
/// connected (<c>editor_mcp_servers</c>, default false). A project's <c>.sov/config.toml</c> cannot set it: a server is
/// a program to run.
/// </summary>
public sealed record AcpSection(bool EditorMcpServers)
{
    public static AcpSection Empty { get; } = new(false);

    public static AcpSection Read(ConfigSection? table) => table is null ? Empty : new(table.Flag("editor_mcp_servers") ?? false);
}
