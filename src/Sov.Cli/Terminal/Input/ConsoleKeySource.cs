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
}
