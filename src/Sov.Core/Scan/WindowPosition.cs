namespace Sov.Core.Scan;

/// <summary>
/// Where a window of a file starts: the lines before it, the code points of its first line that lie before it (when
/// the window starts inside a line), and its byte offset; window-relative findings are moved by these.
/// </summary>
internal readonly record struct WindowPosition(int BaseLine, int ColumnCarry, long BaseOffset);
