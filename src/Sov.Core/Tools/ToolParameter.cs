namespace Sov.Core.Tools;

/// <summary>One parameter of a tool. <paramref name="ItemsType"/> is the element type when the parameter is an array.</summary>
public sealed record ToolParameter(
    string Name,
    ToolParameterType Type,
    string Description,
    bool Required = false,
    ToolParameterType? ItemsType = null);
