namespace Sov.Core.Text;

/// <summary>A non-ASCII identifier seen in code, keyed by its TR39 skeleton, for collision checks.</summary>
internal sealed class IdentifierEntry(string text, int offset, int length, int line, int column, int codePoint)
{
    public string Text { get; } = text;
    public int Offset { get; } = offset;
    public int Length { get; } = length;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public int CodePoint { get; } = codePoint;
    public bool Reported { get; set; }
}
