namespace Sov.Core.Text;

/// <summary>A bidi embedding, override or isolate opened on the current line and not yet closed.</summary>
internal readonly record struct BidiOpen(int Offset, int Length, int CodePoint, int Line, int Column, int LineStart, int Transitions)
{
    public bool IsIsolate => CodePoint is >= 0x2066 and <= 0x2068;
}
