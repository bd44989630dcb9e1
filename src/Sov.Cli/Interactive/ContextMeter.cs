using System.Globalization;
using Sov.Core.Agent;
using Sov.Core.Sessions;

namespace Sov.Cli.Interactive;

/// <summary>How full the model's context is: the window of the model in use, and what the conversation takes of it.</summary>
internal sealed class ContextMeter(AgentSession session, TurnView view, string? instructions, int window)
{
    /// <summary>The context window of the model in use, in tokens.</summary>
    public int Window { get; private set; } = window;

    /// <summary>The model was switched: its window, by name or the configured one.</summary>
    public void Switched(string model, int? configured) => Window = ContextWindow.For(model, configured);

    /// <summary>The window the server said it has (#16), once a request asked; null leaves the one known.</summary>
    public void Learnt(int? server) => Window = server ?? Window;

    /// <summary>Context in use: the server's last input-token count, or an estimate when it reports none.</summary>
    public long UsedTokens() => view.LastInputTokens ?? ContextWindow.Estimate(session.History, instructions);

    public bool ShouldCompact() => ContextWindow.ShouldCompact(UsedTokens(), Window);

    public string Percent() => $"{100.0 * UsedTokens() / Window:0}%";

    /// <summary>Context in use as shown: an estimate is marked with '~'.</summary>
    public string Used() => view.LastInputTokens is { } reported ? Tokens(reported) : "~" + Tokens(UsedTokens());

    /// <summary>1.2k for counts; a window that is a multiple of 1,024 (32,768) as the 32k people call it (#15.9).</summary>
    public static string Tokens(long n) =>
        n >= 1024 && n % 1024 == 0 ? $"{n / 1024}k"
        : n >= 1000 ? string.Create(CultureInfo.InvariantCulture, $"{n / 1000.0:0.#}k")
        : n.ToString(CultureInfo.InvariantCulture);
}
