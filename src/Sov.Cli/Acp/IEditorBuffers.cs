namespace Sov.Cli.Acp;

/// <summary>The editor's own file system as ACP offers it (<c>fs/read_text_file</c>, <c>fs/write_text_file</c>): text by absolute path.</summary>
internal interface IEditorBuffers
{
    /// <summary>The text the editor holds for <paramref name="path"/> (its unsaved buffer, or the file).</summary>
    /// <exception cref="Rpc.RpcException">The editor answered with an error.</exception>
    Task<string> ReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>Hands the whole new text of <paramref name="path"/> to the editor, which writes it.</summary>
    /// <exception cref="Rpc.RpcException">The editor answered with an error.</exception>
    Task WriteAsync(string path, string text, CancellationToken cancellationToken);
}
