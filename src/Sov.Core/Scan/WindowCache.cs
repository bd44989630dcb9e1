namespace Sov.Core.Scan;

/// <summary>
/// The last few windows of a file whose findings went beyond the cap, with their summaries. Each window is classified
/// on its own, from its bytes alone, so a window equal byte for byte to one seen before has the same findings: a flood,
/// repetitive by nature, is then classified a few times rather than thousands. A flood that never repeats is simply
/// classified window by window (slower, still bounded in memory).
/// </summary>
internal sealed class WindowCache
{
    private const int Entries = 8;

    private readonly (byte[] Bytes, WindowSummary Summary)?[] _entries = new (byte[], WindowSummary)?[Entries];
    private int _next;

    public WindowSummary? Find(ReadOnlySpan<byte> window)
    {
        foreach (var entry in _entries)
        {
            if (entry is { } e && e.Bytes.Length == window.Length && window.SequenceEqual(e.Bytes))
            {
                return e.Summary;
            }
        }

        return null;
    }

    public void Add(ReadOnlySpan<byte> window, WindowSummary summary)
    {
        _entries[_next] = (window.ToArray(), summary);
        _next = (_next + 1) % Entries;
    }
}
