namespace Sov.Core.Tools;

/// <summary>JSON schema types a tool parameter may have; arrays and objects pass through uncoerced.</summary>
public enum ToolParameterType
{
    String,
    Integer,
    Number,
    Boolean,
    Array,
    Object,

    /// <summary>Any JSON value, passed through as it came (an MCP schema's property without one plain type).</summary>
    Any,
}
