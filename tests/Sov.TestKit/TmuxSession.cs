using System.Diagnostics;

namespace Sov.TestKit;

/// <summary>
/// A real terminal for end-to-end tests: a private tmux server (its own socket) running one command in a
/// window of a fixed size. Tests type with <see cref="SendKeys"/> and read the screen with
/// <see cref="Capture"/>; <see cref="WaitForAsync"/> polls the screen until text appears (a terminal has no
/// event to wait on), failing with the screen's content when the deadline passes.
/// </summary>
public sealed class TmuxSession : IAsyncDisposable
{
    private readonly string _socket = "sov-test-" + Guid.NewGuid().ToString("N")[..12];

    private TmuxSession()
    {
    }

    public static bool Available => File.Exists("/usr/bin/tmux") || File.Exists("/usr/local/bin/tmux");

    public static async Task<TmuxSession> StartAsync(
        IReadOnlyList<string> command,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        int width = 100,
        int height = 40)
    {
        var session = new TmuxSession();
        var args = new List<string> { "new-session", "-d", "-s", "main", "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c", workingDirectory };
        foreach (var (k, v) in environment)
        {
            args.Add("-e");
            args.Add($"{k}={v}");
        }

        // Keep the pane after the program exits so tests can read its last words and exit status.
        args.Add("--");
        args.AddRange(command);
        await session.TmuxAsync(args.ToArray()).ConfigureAwait(false);
        await session.TmuxAsync("set-option", "-t", "main", "remain-on-exit", "on").ConfigureAwait(false);
        return session;
    }

    /// <summary>tmux key names ("Enter", "C-c", "M-Enter", "Up") or literal text with <paramref name="literal"/>.</summary>
    public Task SendKeys(string keys, bool literal = false) =>
        literal ? TmuxAsync("send-keys", "-t", "main", "-l", keys) : TmuxAsync("send-keys", "-t", "main", keys);

    public async Task TypeLineAsync(string text)
    {
        await SendKeys(text, literal: true).ConfigureAwait(false);
        await SendKeys("Enter").ConfigureAwait(false);
    }

    /// <summary>The visible screen plus scrollback, as plain text.</summary>
    public Task<string> Capture() => TmuxAsync("capture-pane", "-p", "-J", "-S", "-2000", "-t", "main");

    /// <summary>True once the program in the pane has exited.</summary>
    public async Task<bool> IsDeadAsync() =>
        (await TmuxAsync("display-message", "-p", "-t", "main", "#{pane_dead}").ConfigureAwait(false)).Trim() == "1";

    public async Task<int?> ExitStatusAsync()
    {
        var s = (await TmuxAsync("display-message", "-p", "-t", "main", "#{pane_dead_status}").ConfigureAwait(false)).Trim();
        return int.TryParse(s, out var code) ? code : null;
    }

    public async Task<string> WaitForAsync(Func<string, bool> condition, TimeSpan? timeout = null, string what = "text")
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        while (true)
        {
            var screen = await Capture().ConfigureAwait(false);
            if (condition(screen))
            {
                return screen;
            }

            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0}s for {what}. Screen:\n{screen}");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    public Task<string> WaitForTextAsync(string text, TimeSpan? timeout = null) =>
        WaitForAsync(s => s.Contains(text, StringComparison.Ordinal), timeout, $"'{text}'");

    /// <summary>The process id of the program in the pane (for kill -9 tests).</summary>
    public async Task<int> PanePidAsync() =>
        int.Parse((await TmuxAsync("display-message", "-p", "-t", "main", "#{pane_pid}").ConfigureAwait(false)).Trim(),
            System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await TmuxAsync("kill-server").ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private async Task<string> TmuxAsync(params string[] args)
    {
        var start = new ProcessStartInfo("tmux");
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("/dev/null");
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // bounded, like every wait on a process in the tests (CI stop 24)
        var result = await ChildProcess.RunAsync(start, stdin: null, TimeSpan.FromMinutes(1), $"tmux {args.FirstOrDefault()}", CancellationToken.None).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {result.Stderr}");
        }

        return result.Stdout;
    }
}
