namespace Sov.Core.Tools;

/// <summary>The tools offered to the model in this session, by name, in the order they are sent; fixed once built (#14).</summary>
public sealed class ToolRegistry
{
    private readonly List<ITool> _tools = [];

    public ToolRegistry(IEnumerable<ITool>? tools = null)
    {
        foreach (var tool in tools ?? [])
        {
            Add(tool);
        }
    }

    public IReadOnlyList<ITool> All => _tools;

    private void Add(ITool tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        if (Find(tool.Name) is not null)
        {
            throw new ArgumentException($"A tool named '{tool.Name}' is already registered.", nameof(tool));
        }

        _tools.Add(tool);
    }

    public ITool? Find(string name) => _tools.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    /// <summary>The read-only tools every session has: read_file, list_dir, glob, grep.</summary>
    public static ToolRegistry ReadOnlyBuiltIns() =>
        new([new BuiltIn.ReadFileTool(), new BuiltIn.ListDirTool(), new BuiltIn.GlobTool(), new BuiltIn.GrepTool()]);
}
