using System.ComponentModel;
using System.Diagnostics;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Sov.Borders.Mcp;

/// <summary>
/// Starts a stdio server (already wrapped in its sandbox's command line) through the process door's start
/// settings: argv, no shell, only the given environment. The SDK's own stdio transport buffers a line of any
/// length; <see cref="McpStdioSession"/> does not.
/// </summary>
internal sealed class McpStdioTransport(string name, ProcessStartInfo start) : IClientTransport
{
    public string Name => name;

    /// <summary>The running server once connected.</summary>
    public McpStdioSession? Session { get; private set; }

    public Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default)
    {
        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new IOException($"{start.FileName} did not start ({Sov.Core.PlainErrors.Describe(e)})", e);
        }

        Session = new McpStdioSession(process);
        return Task.FromResult<ITransport>(Session);
    }
}
