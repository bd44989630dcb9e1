using System.Text.Json.Serialization.Metadata;
using Sov.Cli.Acp.Rpc;
using Sov.Cli.Acp.Wire;

namespace Sov.Cli.Acp;

/// <summary>The editor's terminals over the ACP connection: <c>terminal/*</c> requests for one session.</summary>
internal sealed class AcpEditorTerminals(RpcConnection connection, string sessionId) : IEditorTerminals
{
    public async Task<string> CreateAsync(string command, IReadOnlyList<string> args, IReadOnlyList<NameValue> env, string cwd, long outputByteLimit,
        CancellationToken cancellationToken)
    {
        var created = await connection.RequestAsync("terminal/create", new CreateTerminalParams(sessionId, command, args, env, cwd, outputByteLimit),
            AcpJson.Default.CreateTerminalParams, AcpJson.Default.CreateTerminalResult, cancellationToken).ConfigureAwait(false);
        return created.TerminalId is { Length: > 0 } id ? id : throw new RpcException(RpcCodes.InvalidParams, "the editor's answer to terminal/create has no terminalId");
    }

    public Task<TerminalExitStatus> WaitForExitAsync(string terminalId, CancellationToken cancellationToken) =>
        Ask("terminal/wait_for_exit", terminalId, AcpJson.Default.TerminalExitStatus, cancellationToken);

    public Task<TerminalOutputResult> OutputAsync(string terminalId, CancellationToken cancellationToken) =>
        Ask("terminal/output", terminalId, AcpJson.Default.TerminalOutputResult, cancellationToken);

    public Task KillAsync(string terminalId, CancellationToken cancellationToken) =>
        Ask("terminal/kill", terminalId, AcpJson.Default.EmptyResult, cancellationToken);

    public Task ReleaseAsync(string terminalId, CancellationToken cancellationToken) =>
        Ask("terminal/release", terminalId, AcpJson.Default.EmptyResult, cancellationToken);

    private Task<T> Ask<T>(string method, string terminalId, JsonTypeInfo<T> result, CancellationToken cancellationToken) =>
        connection.RequestAsync(method, new TerminalRef(sessionId, terminalId), AcpJson.Default.TerminalRef, result, cancellationToken);
}
