using System.Text;
using System.Text.Json;
using Sov.Core.Text;

namespace Sov.Core.Tools.Mcp;

/// <summary>
/// A tool of an MCP server, offered to the model as <c>mcp__SERVER__TOOL</c>. Everything the server says is
/// untrusted: its description, every string of its schema and its output pass the text border (hidden
/// characters revealed as visible markers), and each is capped (<see cref="UntrustedSchema"/>). MCP tools are never read-only: the permission policy
/// decides each call (<c>mcp:SERVER/TOOL</c> rules, else the mode).
/// </summary>
public sealed class McpTool : ITool
{
    public const int MaxDescription = 1024;
    public const int MaxOutput = 64 * 1024;

    private readonly IMcpServer _server;

    public McpTool(IMcpServer server, McpToolInfo info)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(info);
        _server = server;
        Server = server.Name;
        ToolName = info.Name;
        Name = NameFor(server.Name, info.Name);
        var said = info.Description ?? "";
        var description = TextBorder.Reveal(said);
        Description = description.Length > MaxDescription ? description[..MaxDescription] + "…" : description;
        (var schema, var revealed, SchemaCut) = UntrustedSchema.Clean(info.InputSchema);
        HidesCharacters = revealed || !ReferenceEquals(description, said);
        Schema = ToolSchema.FromJsonSchema(schema);
    }

    /// <summary>True when the description or a string of the schema hid characters (now shown as markers).</summary>
    public bool HidesCharacters { get; }

    /// <summary>True when the server's schema was too large and a bare object schema stands in for it.</summary>
    public bool SchemaCut { get; }

    /// <summary>The server's name in config.</summary>
    public string Server { get; }

    /// <summary>The tool's name on its server.</summary>
    public string ToolName { get; }

    public string Name { get; }

    public string Description { get; }

    public ToolSchema Schema { get; }

    public bool IsReadOnly => false;

    /// <summary><c>mcp__SERVER__TOOL</c> with anything outside [A-Za-z0-9_-] made '_', at most 64 characters (what chat APIs accept).</summary>
    public static string NameFor(string server, string tool)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(tool);
        var name = new StringBuilder("mcp__");
        Append(name, server);
        name.Append("__");
        Append(name, tool);
        return name.Length <= 64 ? name.ToString() : name.ToString(0, 64);
    }

    public async Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var values = arguments.Values.ToDictionary(a => a.Key, a => (object?)ToJson(a.Value), StringComparer.Ordinal);
        var result = await _server.CallAsync(ToolName, values, cancellationToken).ConfigureAwait(false);
        var text = TextBorder.Reveal(result.Text);
        if (text.Length > MaxOutput)
        {
            text = text[..MaxOutput] + $"\n[{text.Length - MaxOutput} more characters not shown]";
        }

        return result.IsError ? ToolOutput.Error(text) : ToolOutput.Ok(text.Length == 0 ? "(no output)" : text);
    }

    /// <summary>Every argument as a JSON value, so the connection serialises nothing by reflection.</summary>
    private static JsonElement ToJson(object value)
    {
        if (value is JsonElement element)
        {
            return element;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64);
        using (var w = new Utf8JsonWriter(buffer))
        {
            switch (value)
            {
                case string s: w.WriteStringValue(s); break;
                case long l: w.WriteNumberValue(l); break;
                case double d: w.WriteNumberValue(d); break;
                case bool b: w.WriteBooleanValue(b); break;
                default: w.WriteStringValue(value.ToString()); break;
            }
        }

        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        return doc.RootElement.Clone();
    }

    private static void Append(StringBuilder name, string part)
    {
        foreach (var c in part)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        }
    }
}
