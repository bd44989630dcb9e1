using Sov.Cli.Acp.Wire;

namespace Sov.Cli.Acp;

/// <summary>
/// The editor's terminals as ACP offers them (<c>terminal/create</c>, <c>wait_for_exit</c>, <c>output</c>, <c>kill</c>,
/// <c>release</c>) for one session. Every method may throw <see cref="Rpc.RpcException"/> when the editor answers with an error.
/// </summary>
internal interface IEditorTerminals
{
    /// <summary>Starts <paramref name="command"/> with <paramref name="args"/> in <paramref name="cwd"/>; returns the terminal's id.</summary>
    Task<string> CreateAsync(string command, IReadOnlyList<string> args, IReadOnlyList<NameValue> env, string cwd, long outputByteLimit,
        CancellationToken cancellationToken);

    Task<TerminalExitStatus> WaitForExitAsync(string terminalId, CancellationToken cancellationToken);

    Task<TerminalOutputResult> OutputAsync(string terminalId, CancellationToken cancellationToken);

    Task KillAsync(string terminalId, CancellationToken cancellationToken);

    Task ReleaseAsync(string terminalId, CancellationToken cancellationToken);
}
