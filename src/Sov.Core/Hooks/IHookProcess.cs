namespace Sov.Core.Hooks;

/// <summary>
/// The process border as hooks see it (Sov.Borders runs them: under bubblewrap unless the hook says
/// <c>sandbox = false</c>, the reduced environment, the input JSON on stdin, killed with its whole process group at
/// its timeout).
/// </summary>
public interface IHookProcess
{
    Task<HookProcessResult> RunAsync(HookDefinition hook, string input, CancellationToken cancellationToken);
}
