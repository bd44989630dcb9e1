namespace Sov.Core.Files;

/// <summary>A tool named a path the file border refuses; the message goes back to the model as a tool error.</summary>
public sealed class WorkspaceException(string message) : Exception(message);
