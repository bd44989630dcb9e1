using Sov.Borders.Terminal;

namespace Sov.Cli.Terminal.Input;

/// <summary>Keys from the real terminal, with Ctrl-C delivered as a key while the editor reads.</summary>
internal sealed class ConsoleKeySource : IKeySource
{
    public ConsoleKeyInfo ReadKey()
    {
        Console.TreatControlCAsInput = true;
        try
        {
            return Console.ReadKey(intercept: true);
        }
        finally
        {
            Console.TreatControlCAsInput = false;
        }
    }

    public bool KeyAvailable => Console.KeyAvailable;

    /// <summary>Reads and drops what the runtime already holds or can read at once, then flushes the kernel's queue (a half-typed line too).</summary>
    public int DiscardPending()
    {
        var dropped = 0;
        try
        {
            while (Console.KeyAvailable)
            {
                _ = Console.ReadKey(intercept: true);
                dropped++;
            }
        }
        catch (InvalidOperationException)
        {
            // standard input is not a terminal: nothing was typed ahead into it
        }

        PendingInput.Discard();
        return dropped;
    }
}
