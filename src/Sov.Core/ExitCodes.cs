namespace Sov.Core;

/// <summary>The documented exit codes of <c>sov</c> (README, "Exit codes").</summary>
public static class ExitCodes
{
    /// <summary>Everything went as asked.</summary>
    public const int Ok = 0;

    /// <summary>The task failed, or findings at or above the threshold were reported.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong: unknown option, bad value, missing argument.</summary>
    public const int Usage = 2;

    /// <summary>The environment or configuration is wrong: endpoint unreachable, sandbox missing, bad config, disk full under SOV_HOME.</summary>
    public const int Environment = 3;

    /// <summary>Interrupted (Ctrl-C, SIGINT, SIGTERM).</summary>
    public const int Interrupted = 130;
}
