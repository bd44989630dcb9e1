namespace Sov.Core.Tools.Effects;

/// <summary>Changes the file at <paramref name="Path"/>; <paramref name="Creates"/> when the call may create it.</summary>
public sealed record WritePath(string Path, bool Creates) : ToolEffect
{
    public override string Kind => "write";
}
