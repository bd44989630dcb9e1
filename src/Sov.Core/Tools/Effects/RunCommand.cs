namespace Sov.Core.Tools.Effects;

/// <summary>Runs <paramref name="Command"/> in the shell (in the sandbox when there is one).</summary>
public sealed record RunCommand(string Command) : ToolEffect
{
    public override string Kind => "shell";
}
