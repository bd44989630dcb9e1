using System.Text;

namespace Sov.Core.Text;

/// <summary>A growable UTF-16 buffer over a caller's stack span, for skeletons and messages without garbage.</summary>
public ref struct ValueBuilder
{
    private Span<char> _buffer;
    private char[]? _rented;

    public ValueBuilder(Span<char> initial)
    {
        _buffer = initial;
        Length = 0;
    }

    public int Length { get; private set; }

    public readonly ReadOnlySpan<char> AsSpan() => _buffer[..Length];

    public void Append(char c)
    {
        if (Length == _buffer.Length)
        {
            Grow();
        }

        _buffer[Length++] = c;
    }

    public void AppendCodePoint(int codePoint)
    {
        if (codePoint < 0x10000)
        {
            Append((char)codePoint);
            return;
        }

        var rune = new Rune(codePoint);
        Span<char> pair = stackalloc char[2];
        rune.EncodeToUtf16(pair);
        Append(pair[0]);
        Append(pair[1]);
    }

    public void Clear() => Length = 0;

    public override readonly string ToString() => new(_buffer[..Length]);

    public void Dispose()
    {
        if (_rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }
    }

    private void Grow()
    {
        var bigger = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(16, _buffer.Length * 2));
        _buffer[..Length].CopyTo(bigger);
        if (_rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(_rented);
        }

        _rented = bigger;
        _buffer = bigger;
    }
}
