namespace Sov.Core.Config;

/// <summary>
/// The user's <c>[acp]</c> table (<c>sov acp</c>, #18): whether MCP servers an editor offers in <c>session/new</c> are
/// connected (<c>editor_mcp_servers</c>, default false), and whether shell commands may run in the editor's terminal
/// (<c>editor_terminal</c>, default false: it runs them outside the sandbox). A project's <c>.sov/config.toml</c> cannot
/// set either: a server is a program to run, and the editor's terminal has no sandbox.
/// </summary>
public sealed record AcpSection(bool EditorMcpServers)
{
    public static AcpSection Empty { get; } = new(false);

    /// <summary><c>editor_terminal</c>: shell commands run through the editor's <c>terminal/*</c> when it offers them (unsandboxed, asked every time).</summary>
    public bool EditorTerminal { get; init; }

    public static AcpSection Read(ConfigSection? table) =>
        table is null ? Empty : new(table.Flag("editor_mcp_servers") ?? false) { EditorTerminal = table.Flag("editor_terminal") ?? false };
}
