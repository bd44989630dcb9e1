namespace Sov.Core.Processes;

/// <summary>The process border as the shell tool sees it; Sov.Borders implements it with bubblewrap.</summary>
public interface IShellRunner
{
    /// <summary>True when commands run inside the sandbox.</summary>
    bool Sandboxed { get; }

    Task<ShellResult> RunAsync(ShellRequest request, CancellationToken cancellationToken);
}
