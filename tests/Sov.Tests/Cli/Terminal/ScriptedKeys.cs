using Sov.Cli.Terminal.Input;

namespace Sov.Tests.Cli.Terminal;

/// <summary>Key presses from a script; a '|' in the script separates bursts (a paste is one burst).</summary>
internal sealed class ScriptedKeys : IKeySource
{
    private readonly Queue<(ConsoleKeyInfo Key, bool MoreInBurst)> _keys = new();

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
        return this;
    }

    private bool _lastHadMore;

    public ConsoleKeyInfo ReadKey()
    {
        var (key, more) = _keys.Dequeue();
        _lastHadMore = more;
        return key;
    }

    public bool KeyAvailable => _lastHadMore;
}
