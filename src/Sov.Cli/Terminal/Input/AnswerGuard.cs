using System.Diagnostics;

namespace Sov.Cli.Terminal.Input;

/// <summary>
/// The guard before a question only the person may answer: every key typed before it opens is thrown
/// away, and so is every key that arrives during <see cref="Time"/> after what is asked about is on the
/// screen, before the question itself is drawn. Such keys were typed before anyone could have read the
/// question, so they answered something else (a fake prompt, the previous turn) and never answer this one.
/// (Pinned attack, issue #12: "y" typed ahead during a model's pause approved the command that followed.)
/// </summary>
public sealed class AnswerGuard(IKeySource keys, TimeSpan time)
{
    /// <summary>
    /// 400 ms: longer than a key repeat or a paste takes to arrive, and shorter than a person takes to
    /// read an approval box before answering it.
    /// </summary>
    public static readonly TimeSpan Time = TimeSpan.FromMilliseconds(400);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <summary>Discards keys typed ahead; call when the question opens, before anything is drawn.</summary>
    public int Open() => keys.DiscardPending();

    /// <summary>Waits out the guard time, discarding every key that arrives; returns how many were discarded.</summary>
    public int Hold()
    {
        var dropped = keys.DiscardPending();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < time)
        {
            var left = time - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            Thread.Sleep(left < Poll ? left : Poll);
            dropped += keys.DiscardPending();
        }

        return dropped;
    }
}
