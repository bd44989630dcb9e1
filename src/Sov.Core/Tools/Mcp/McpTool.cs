using System.Text;
using System.Text.Json;
using Sov.Core.Text;
using Sov.Core.Tools.Effects;

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
        Name = McpToolName.For(server.Name, info.Name)
            ?? throw new ArgumentException($"'{McpToolName.Shown(info.Name)}' breaks the MCP name rule; check with McpToolName.For first.", nameof(info));
        var said = McpToolName.Head(info.Description ?? "", 4 * MaxDescription); // no more is ever shown: a 4 MiB description is not scanned whole
        var description = TextBorder.Reveal(said);
        Description = description.Length > MaxDescription ? McpToolName.Head(description, MaxDescription) + "…" : description;
        (var schema, var revealed, SchemaCut) = UntrustedSchema.Clean(info.InputSchema);
        HidesCharacters = revealed || !ReferenceEquals(description, said);
        Schema = ToolSchema.FromJsonSchema(schema);
        DeclarationBytes = Encoding.UTF8.GetByteCount(Name) + Encoding.UTF8.GetByteCount(Description) + Encoding.UTF8.GetByteCount(Schema.Json);
    }

    /// <summary>What this tool adds to every request to the model: the bytes of its name, description and schema.</summary>
    public int DeclarationBytes { get; }

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

    public ToolEffect EffectOf(ToolArguments arguments) => new ExternalServer(Server, ToolName);

    public async Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var values = arguments.Values.ToDictionary(a => a.Key, a => (object?)ToJson(a.Value), StringComparer.Ordinal);
        var result = await _server.CallAsync(ToolName, values, cancellationToken).ConfigureAwait(false);
        var text = TextBorder.Reveal(result.Text);
        var more = Math.Max(0, text.Length - MaxOutput) + result.Omitted;
        if (more > 0)
        {
            text = McpToolName.Head(text, MaxOutput) + $"\n[{more} more characters not shown]";
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
}
