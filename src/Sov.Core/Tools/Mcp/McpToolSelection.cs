namespace Sov.Core.Tools.Mcp;

/// <summary>
/// Which of the servers' tools the model is offered. A server's <c>tools = [...]</c> narrows it first; a tool
/// whose name breaks <see cref="McpToolName"/> or is taken is left out; then the caps hold, in server order:
/// <see cref="McpLimits.MaxToolsPerServer"/>, <see cref="McpLimits.MaxTools"/> and
/// <see cref="McpLimits.MaxDeclarationBytes"/> of declarations in every request. Each kind of leaving out is
/// one warning per server naming at most a few tools (untrusted names shown by the terminal rule), and one
/// warning says how many the caps left out and how to narrow. (Pinned attack, issue #12: 2,000 tools with
/// 16 KiB schemas made a 32.8 MB first request.)
/// </summary>
public sealed class McpToolSelection
{
    private const int NamesShown = 5;

    private readonly List<McpTool> _tools = [];
    private readonly List<string> _warnings = [];
    private readonly List<string> _overflow = [];
    private int _bytes;

    private McpToolSelection()
    {
    }

    public IReadOnlyList<McpTool> Tools => _tools;

    public IReadOnlyList<string> Warnings => _warnings;

    /// <param name="servers">Each connected server in config order, its allow-list (null for all) and what it listed.</param>
    /// <param name="isTaken">Whether a model-facing name already belongs to another tool of the session.</param>
    public static McpToolSelection Choose(IEnumerable<(IMcpServer Server, IReadOnlyList<string>? Allowed, McpToolList Listed)> servers, Func<string, bool> isTaken)
    {
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentNullException.ThrowIfNull(isTaken);
        var selection = new McpToolSelection();
        foreach (var (server, allowed, listed) in servers)
        {
            selection.Add(server, allowed, listed, isTaken);
        }

        if (selection._overflow.Count > 0)
        {
            selection._warnings.Add(
                $"MCP: tools left out over the caps (at most {McpLimits.MaxToolsPerServer} a server, {McpLimits.MaxTools} in all, " +
                $"{McpLimits.MaxDeclarationBytes / 1024} KiB of declarations in each request): {string.Join(", ", selection._overflow)}. " +
                "Name the tools you need with tools = [\"...\"] in [mcp.servers.NAME].");
        }

        return selection;
    }

    private void Add(IMcpServer server, IReadOnlyList<string>? allowed, McpToolList listed, Func<string, bool> isTaken)
    {
        var badNames = new List<string>();
        var taken = new List<string>();
        var hiding = new List<string>();
        var cut = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = 0;
        var over = 0;
        foreach (var info in listed.Tools)
        {
            if (allowed is not null && !allowed.Contains(info.Name, StringComparer.Ordinal))
            {
                continue;
            }

            seen.Add(info.Name);
            if (McpToolName.For(server.Name, info.Name) is not { } name)
            {
                badNames.Add(info.Name);
                continue;
            }

            if (isTaken(name) || _tools.Exists(t => string.Equals(t.Name, name, StringComparison.Ordinal)))
            {
                taken.Add(info.Name);
                continue;
            }

            if (kept >= McpLimits.MaxToolsPerServer || _tools.Count >= McpLimits.MaxTools)
            {
                over++;
                continue;
            }

            var tool = new McpTool(server, info);
            if (_bytes + tool.DeclarationBytes > McpLimits.MaxDeclarationBytes)
            {
                over++;
                continue;
            }

            if (tool.HidesCharacters)
            {
                hiding.Add(tool.Name);
            }

            if (tool.SchemaCut)
            {
                cut.Add(tool.Name);
            }

            _tools.Add(tool);
            _bytes += tool.DeclarationBytes;
            kept++;
        }

        var prefix = $"MCP server '{server.Name}'";
        if (listed.Incomplete)
        {
            _warnings.Add($"{prefix}: listed more than {McpLimits.MaxListPages} pages of tools; the rest are left out.");
        }

        Warn($"{prefix}: tools left out, their names break MCP's rule ({McpToolName.Rule}, at most {McpToolName.MaxLength} characters as mcp__{server.Name}__TOOL)", badNames);
        Warn($"{prefix}: tools left out, their names are taken", taken);
        Warn($"{prefix}: tools whose description or schema hides characters (the model sees them as visible markers)", hiding);
        Warn($"{prefix}: tools whose input schema is over {UntrustedSchema.MaxBytes / 1024} KiB (the model gets a bare object schema)", cut);
        Warn($"{prefix}: tools = [...] names tools the server does not offer", [.. (allowed ?? []).Where(a => !seen.Contains(a))]);
        if (over > 0)
        {
            _overflow.Add($"{over} of '{server.Name}'");
        }
    }

    private void Warn(string what, List<string> names)
    {
        if (names.Count == 0)
        {
            return;
        }

        names = [.. names.Distinct(StringComparer.Ordinal)];
        var shown = string.Join(", ", names.Take(NamesShown).Select(n => $"'{McpToolName.Shown(n)}'"));
        var more = names.Count > NamesShown ? $" and {names.Count - NamesShown} more" : "";
        _warnings.Add($"{what}: {shown}{more}.");
    }
}
