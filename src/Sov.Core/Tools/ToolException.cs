namespace Sov.Core.Tools;

/// <summary>A failure a tool reports to the model (bad argument, missing file); never crashes the loop.</summary>
public sealed class ToolException(string message) : Exception(message);
