using Sov.Cli.Terminal.Input;

namespace Sov.Tests.Cli.Terminal;

/// <summary>
/// Key presses from a script; a '|' in the script separates bursts (a paste is one burst). Keys typed with
/// <see cref="TypeAhead"/> are already waiting when a question opens, and keys typed with
/// <see cref="TypeDuringGuard"/> arrive just after it: <see cref="DiscardPending"/> throws away the
/// leading keys that have arrived by then (typed-ahead keys at the first call, guard-time keys from the second).
/// </summary>
internal sealed class ScriptedKeys : IKeySource
{
    private const int Never = int.MaxValue;
    private readonly Queue<(ConsoleKeyInfo Key, bool MoreInBurst)> _keys = new();
    private readonly Queue<int> _arrival = new();
    private int _discards;
    private int _typedArrival = Never;

    /// <summary>How many keys <see cref="DiscardPending"/> threw away in all.</summary>
    public int Discarded { get; private set; }

    public ScriptedKeys TypeAhead(string text) => Arriving(0, text);

    public ScriptedKeys TypeDuringGuard(string text) => Arriving(1, text);

    public int DiscardPending()
    {
        _discards++;
        var dropped = 0;
        while (_arrival.Count > 0 && _arrival.Peek() < _discards)
        {
            _arrival.Dequeue();
            _keys.Dequeue();
            dropped++;
        }

        Discarded += dropped;
        return dropped;
    }

    private ScriptedKeys Arriving(int discard, string text)
    {
        _typedArrival = discard;
        Type(text);
        _typedArrival = Never;
        return this;
    }

    public ScriptedKeys Type(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var key = c switch
            {
                '\n' => new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false),
                _ => new ConsoleKeyInfo(c, ConsoleKey.A, false, false, false),
            };
            _keys.Enqueue((key, false));
            _arrival.Enqueue(_typedArrival);
        }

        return this;
    }

    /// <summary>A paste: all its keys are waiting at once.</summary>
    public ScriptedKeys Paste(string text)
    {
        var start = _keys.Count;
        Type(text);
        var all = _keys.ToArray();
        _keys.Clear();
        for (var i = 0; i < all.Length; i++)
        {
            _keys.Enqueue((all[i].Key, i >= start && i < all.Length - 1));
        }

        return this;
    }

    public ScriptedKeys Press(ConsoleKey key, ConsoleModifiers modifiers = 0, char ch = '\0')
    {
        _keys.Enqueue((new ConsoleKeyInfo(ch, key, (modifiers & ConsoleModifiers.Shift) != 0,
            (modifiers & ConsoleModifiers.Alt) != 0, (modifiers & ConsoleModifiers.Control) != 0), false));
        _arrival.Enqueue(Never);
        return this;
    }

    private bool _lastHadMore;

    public ConsoleKeyInfo ReadKey()
    {
        var (key, more) = _keys.Dequeue();
        _arrival.Dequeue();
        _lastHadMore = more;
        return key;
    }

    public bool KeyAvailable => _lastHadMore;
}
