using System.Text;

namespace Sov.Core.Models;

/// <summary>
/// Servers without a reasoning parser (llama.cpp without --reasoning-format, some vLLM setups) leave a
/// model's thinking in <c>content</c> as <c>&lt;think&gt;…&lt;/think&gt;</c> at the start of the answer.
/// This routes it to reasoning, piece by piece as it streams, holding back only what could be half a tag.
/// Text that does not start with <c>&lt;think&gt;</c> passes through untouched.
/// </summary>
public sealed class ThinkTagSplitter
{
    private const string Open = "<think>";
    private const string Close = "</think>";
    private readonly StringBuilder _pending = new();
    private int _state; // 0 undecided, 1 thinking, 2 answer

    public IReadOnlyList<(bool Reasoning, string Text)> Feed(string piece)
    {
        ArgumentNullException.ThrowIfNull(piece);
        var output = new List<(bool, string)>(2);
        if (_state == 2)
        {
            output.Add((false, piece));
            return output;
        }

        _pending.Append(piece);
        if (_state == 0)
        {
            var start = _pending.ToString().TrimStart();
            if (start.Length < Open.Length && Open.StartsWith(start, StringComparison.Ordinal))
            {
                return output;
            }

            if (!start.StartsWith(Open, StringComparison.Ordinal))
            {
                _state = 2;
                output.Add((false, _pending.ToString()));
                _pending.Clear();
                return output;
            }

            _state = 1;
            _pending.Clear().Append(start[Open.Length..]);
        }

        var text = _pending.ToString();
        var close = text.IndexOf(Close, StringComparison.Ordinal);
        if (close >= 0)
        {
            _state = 2;
            _pending.Clear();
            if (close > 0)
            {
                output.Add((true, text[..close]));
            }

            var rest = text[(close + Close.Length)..].TrimStart('\r', '\n');
            if (rest.Length > 0)
            {
                output.Add((false, rest));
            }

            return output;
        }

        var safe = text.Length - (Close.Length - 1);
        if (safe > 0)
        {
            output.Add((true, text[..safe]));
            _pending.Clear().Append(text[safe..]);
        }

        return output;
    }

    /// <summary>What is still held back at the end of the stream.</summary>
    public (bool Reasoning, string Text)? Flush()
    {
        if (_pending.Length == 0)
        {
            return null;
        }

        var text = _pending.ToString();
        _pending.Clear();
        return (_state == 1, text);
    }
}
