using System.Runtime.InteropServices;

namespace Sov.Core.Scan;

/// <summary>
/// One worker's read buffers, reused for every file so that reading touches no fresh memory: on a tree of
/// small files, page faults and garbage collections cost more than the scanning. Every file streams through
/// <see cref="Chunk"/>, small enough to stay in the processor's cache; a file with something to look at is read
/// into <see cref="Whole"/> and classified window by window from it; it grows to the largest such file, at most
/// <see cref="FileScanner.WholeLimit"/> plus a chunk, so it stays bounded whatever the file. New memory is
/// populated by the kernel in one call rather than by a page fault per 4 KiB.
/// </summary>
internal sealed class ScanBuffer
{
    public const int ChunkSize = 256 * 1024;

    private readonly Action<nint, long> _populate;

    /// <param name="populate">Backs fresh memory with pages in one call (<see cref="IScanReads.Populate"/>).</param>
    public ScanBuffer(Action<nint, long> populate)
    {
        _populate = populate;
        Chunk = Allocate(ChunkSize);
    }

    public byte[] Chunk { get; }

    public byte[] Whole { get; private set; } = [];

    /// <summary>Makes <see cref="Whole"/> at least <paramref name="size"/> bytes (rounded up to 1 MiB), keeping its first <paramref name="keep"/> bytes.</summary>
    public byte[] GrowWhole(long size, int keep)
    {
        const long step = 1024 * 1024;
        var bigger = Allocate((int)Math.Min((size + step - 1) / step * step, Array.MaxLength));
        Whole.AsSpan(0, keep).CopyTo(bigger);
        Whole = bigger;
        return bigger;
    }

    /// <summary>Makes <see cref="Whole"/> at least <paramref name="size"/> bytes, its content not kept.</summary>
    public byte[] EnsureWhole(long size) => Whole.Length >= size ? Whole : GrowWhole(size, 0);

    /// <summary>A pinned array (its address never moves) whose pages are made present up front.</summary>
    private byte[] Allocate(int size)
    {
        var array = GC.AllocateUninitializedArray<byte>(size, pinned: true);
        _populate(Marshal.UnsafeAddrOfPinnedArrayElement(array, 0), size);
        return array;
    }
}
