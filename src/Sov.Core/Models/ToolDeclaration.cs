using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Sov.Core.Models;

/// <summary>A tool as the model sees it: name, description and the compact JSON schema of its parameters.</summary>
public sealed class ToolDeclaration(string name, string description, JsonElement parametersSchema) : AIFunctionDeclaration
{
    public override string Name { get; } = name;

    public override string Description { get; } = description;

    public override JsonElement JsonSchema { get; } = parametersSchema;

    public static ToolDeclaration From(Tools.ITool tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        using var doc = JsonDocument.Parse(tool.Schema.Json);
        return new ToolDeclaration(tool.Name, tool.Description, doc.RootElement.Clone());
    }
}
