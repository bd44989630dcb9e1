namespace Sov.Core.Tools.Effects;

/// <summary>Reads the file or folder at <paramref name="Path"/> (as the model wrote it; the file border resolves it).</summary>
public sealed record ReadPath(string Path) : ToolEffect
{
    public override string Kind => "read";
}
