using Sov.Core.Files;

namespace Sov.Core.Tools;

/// <summary>What a running tool may use: the workspace (the file border) and nothing else yet.</summary>
public sealed class ToolContext(Workspace workspace)
{
    public Workspace Workspace { get; } = workspace;
}
