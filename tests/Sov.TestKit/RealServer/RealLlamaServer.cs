using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sov.TestKit.RealServer;

/// <summary>
/// A real llama-server (#16) with the tiny qwen2 model, the Qwen2.5 template with tools (<c>--jinja</c>) and one
/// slot. It runs inside <c>unshare -rn</c>, a network namespace with nothing in it, and listens on a Unix socket
/// that <see cref="Client"/> reaches; where user namespaces are not allowed it listens on 127.0.0.1 with a
/// free port instead. <see cref="StartAsync"/> returns once /health says the model is loaded.
/// </summary>
public sealed class RealLlamaServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log;
    private readonly DirectoryInfo _folder;

    private RealLlamaServer(Process process, StringBuilder log, DirectoryInfo folder, HttpClient client, int contextSize, bool isolated)
    {
        _process = process;
        _log = log;
        _folder = folder;
        Client = client;
        ContextSize = contextSize;
        Isolated = isolated;
    }

    /// <summary>Talks to the server (base address http://127.0.0.1/ or http://127.0.0.1:PORT/).</summary>
    public HttpClient Client { get; }

    /// <summary>The context window the server was started with (-c).</summary>
    public int ContextSize { get; }

    /// <summary>True when it runs in a network namespace of its own, reachable only through its socket file.</summary>
    public bool Isolated { get; }

    /// <summary>The server's own log so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<RealLlamaServer> StartAsync(LlamaInstall install, int contextSize = 8192, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(install);
        var folder = Directory.CreateTempSubdirectory("sov-llama-");
        var isolated = await CanIsolateAsync(cancellationToken).ConfigureAwait(false);
        var socket = Path.Combine(folder.FullName, "llama.sock");
        var port = isolated ? 0 : FreePort();
        var start = new ProcessStartInfo(isolated ? "unshare" : install.Server)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = folder.FullName,
        };
        if (isolated)
        {
            start.ArgumentList.Add("-rn");
            start.ArgumentList.Add(install.Server);
        }

        foreach (var arg in new[]
        {
            "-m", install.Model, "--jinja", "--chat-template-file", install.Template, "-c", $"{contextSize}", "-np", "1",
            "-t", "2", "--host", isolated ? socket : "127.0.0.1", "--port", $"{port}",
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["HOME"] = folder.FullName;
        var log = new StringBuilder();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var client = isolated ? UnixSocketClient(socket) : new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        client.Timeout = TimeSpan.FromMinutes(5);
        var server = new RealLlamaServer(process, log, folder, client, contextSize, isolated);
        try
        {
            await server.WaitHealthyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.Length < 1 << 20)
            {
                log.AppendLine(line);
            }
        }
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        // A readiness poll (the server answers 503 while it loads the model), bounded by a deadline.
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"llama-server exited ({_process.ExitCode}) while starting:\n{Tail(Log)}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("health", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"llama-server did not become healthy in 90 seconds:\n{Tail(Log)}");
    }

    private static string Tail(string log) => log.Length <= 4000 ? log : log[^4000..];

    private static async Task<bool> CanIsolateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var probe = new ProcessStartInfo("unshare") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { "-rn", "true" })
            {
                probe.ArgumentList.Add(arg);
            }

            using var process = Process.Start(probe)!;
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static HttpClient UnixSocketClient(string path)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1/") };
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var bounded = new CancellationTokenSource(TimeSpan.FromMinutes(1)); // a killed server that does not go is not waited on for ever (CI stop 24)
            await _process.WaitForExitAsync(bounded.Token).ConfigureAwait(false);
        }

        _process.Dispose();
        Client.Dispose();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // the socket file may linger a moment; the temp folder is cleaned by the system
        }
    }
}
