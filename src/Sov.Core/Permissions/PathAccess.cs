namespace Sov.Core.Permissions;

/// <summary>
/// A file access as the file border resolved it: the path rules are matched against (workspace-relative
/// with '/' separators, or absolute when outside), whether it is inside the workspace, and whether it is a
/// protected path (read-only to every tool).
/// </summary>
public sealed record PathAccess(string RulePath, bool InsideWorkspace, bool Protected);
