using System.Text.Json;

namespace Sov.Cli.Acp.Rpc;

/// <summary>Serves the editor's requests and notifications for <see cref="RpcConnection"/>.</summary>
internal interface IRpcHandler
{
    /// <summary>
    /// The result of <paramref name="method"/> as one serialised JSON value (ignored for a notification); a failure the
    /// editor should see is thrown as <see cref="RpcException"/> (an unknown method: <see cref="RpcCodes.MethodNotFound"/>).
    /// </summary>
    Task<byte[]> HandleAsync(string method, JsonElement? parameters, bool notification, CancellationToken cancellationToken);
}
