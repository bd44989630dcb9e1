using System.Diagnostics;
using System.Text;
using Sov.Cli.Acp.Rpc;
using Sov.Cli.Acp.Wire;
using Sov.Core.Processes;
using Sov.Core.Tools;

namespace Sov.Cli.Acp;

/// <summary>
/// The shell tool's commands in the editor's terminal (#18), for <c>sov acp</c> when the user's config says
/// <c>[acp] editor_terminal = true</c> and the editor offers <c>terminal</c>: <c>terminal/create</c> runs
/// <c>env -i VARS… /bin/bash --noprofile --norc -c COMMAND</c> in the workspace (the variables the sandbox would pass,
/// nothing of the editor's), <c>terminal/wait_for_exit</c> waits up to the command's timeout (then <c>terminal/kill</c>,
/// also when the turn is interrupted), <c>terminal/output</c> fetches what it printed (kept to the sandbox's head and tail
/// caps; the editor's truncation is said) and <c>terminal/release</c> is always sent. The editor runs it outside the
/// sandbox: <see cref="Sandboxed"/> is false, and the permission policy asks about every such command.
/// </summary>
internal sealed class EditorTerminalShell(IEditorTerminals editor, IReadOnlyDictionary<string, string> environment, int headBytes, int tailBytes)
    : IShellRunner
{
    /// <summary>The runner journaled in <c>shell_command</c>.</summary>
    public const string RunnerName = "editor-terminal";

    public bool Sandboxed => false;

    /// <summary>How long each clean-up request (kill, output, release) may wait on the editor.</summary>
    public TimeSpan CleanUp { get; init; } = TimeSpan.FromSeconds(10);

    public async Task<ShellResult> RunAsync(ShellRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var timeout = request.Timeout > ShellRequest.MaxTimeout ? ShellRequest.MaxTimeout : request.Timeout;
        var terminal = await CreateAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var (exit, timedOut) = await WaitAsync(terminal, timeout, cancellationToken).ConfigureAwait(false);
            using var bounded = new CancellationTokenSource(CleanUp);
            var output = await editor.OutputAsync(terminal, bounded.Token).ConfigureAwait(false);
            exit ??= output.ExitStatus;
            var (text, dropped) = Capped(output.Output ?? "");
            if (output.Truncated)
            {
                text = "[the editor dropped the start of the output]\n" + text;
            }

            if (exit is { ExitCode: null, Signal: { } signal } && !timedOut)
            {
                text += $"\n[ended by signal {signal}]";
            }

            return new ShellResult(exit?.ExitCode ?? -1, text, dropped, timedOut, Stopwatch.GetElapsedTime(started), Sandboxed: false) { Runner = RunnerName };
        }
        catch (RpcException e)
        {
            throw new ToolException($"The editor's terminal failed: {e.Message}. The command may have run in part; check its effects.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ToolException("The editor's terminal did not answer in time; the command may have run in part; check its effects.");
        }
        finally
        {
            await QuietlyAsync(editor.ReleaseAsync, terminal).ConfigureAwait(false);
        }
    }

    private async Task<string> CreateAsync(ShellRequest request, CancellationToken cancellationToken)
    {
        var variables = environment.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => new NameValue(v.Key, v.Value)).ToList();
        List<string> args = ["-i", .. variables.Select(v => $"{v.Name}={v.Value}"), "/bin/bash", "--noprofile", "--norc", "-c", request.Command];
        try
        {
            return await editor.CreateAsync("/usr/bin/env", args, variables, request.WorkingDirectory, headBytes + tailBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            throw new ToolException($"The editor could not start the command in its terminal: {e.Message}. Nothing ran.");
        }
    }

    /// <summary>Waits for the command to end; at the timeout it is killed, and when the turn is interrupted too (then rethrown).</summary>
    private async Task<(TerminalExitStatus? Exit, bool TimedOut)> WaitAsync(string terminal, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return (await editor.WaitForExitAsync(terminal, limit.Token).ConfigureAwait(false), false);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            await QuietlyAsync(editor.KillAsync, terminal).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return (null, true);
        }
    }

    /// <summary>A clean-up request (kill, release): bounded, and an error or no answer changes nothing.</summary>
    private async Task QuietlyAsync(Func<string, CancellationToken, Task> request, string terminal)
    {
        using var bounded = new CancellationTokenSource(CleanUp);
        try
        {
            await request(terminal, bounded.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RpcException or OperationCanceledException)
        {
            // the editor is gone or refused: the terminal is its to clean up
        }
    }

    /// <summary>The output kept as the sandbox keeps it: the first and last bytes, the middle counted (at UTF-8 character boundaries).</summary>
    private (string Text, long Dropped) Capped(string output)
    {
        var bytes = Encoding.UTF8.GetBytes(output);
        if (bytes.Length <= headBytes + tailBytes)
        {
            return (output, 0);
        }

        var head = headBytes;
        while (head > 0 && (bytes[head] & 0xC0) == 0x80)
        {
            head--;
        }

        var tail = bytes.Length - tailBytes;
        while (tail < bytes.Length && (bytes[tail] & 0xC0) == 0x80)
        {
            tail++;
        }

        var dropped = tail - head;
        return ($"{Encoding.UTF8.GetString(bytes, 0, head)}\n[... {dropped} bytes dropped ...]\n{Encoding.UTF8.GetString(bytes, tail, bytes.Length - tail)}", dropped);
    }
}
