using Sov.Cli.Acp.Rpc;
using Sov.Cli.Acp.Wire;

namespace Sov.Cli.Acp;

/// <summary>The editor's buffers over the ACP connection: <c>fs/read_text_file</c> and <c>fs/write_text_file</c> for one session.</summary>
internal sealed class AcpEditorBuffers(RpcConnection connection, string sessionId) : IEditorBuffers
{
    public async Task<string> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var result = await connection.RequestAsync("fs/read_text_file", new ReadTextFileParams(sessionId, path), AcpJson.Default.ReadTextFileParams,
            AcpJson.Default.ReadTextFileResult, cancellationToken).ConfigureAwait(false);
        return result.Content ?? throw new RpcException(RpcCodes.InvalidParams, "the editor's answer to fs/read_text_file has no content");
    }

    public Task WriteAsync(string path, string text, CancellationToken cancellationToken) =>
        connection.RequestAsync("fs/write_text_file", new WriteTextFileParams(sessionId, path, text), AcpJson.Default.WriteTextFileParams,
            AcpJson.Default.EmptyResult, cancellationToken);
}
