using System.Buffers;
using System.Text;
using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary>
/// Scans one file: reads it through the worker's buffers, skips binaries (a NUL in the first 8 KiB, unless a
/// UTF-16 byte order mark says otherwise), transcodes UTF-16 to UTF-8, classifies window by window
/// (<see cref="WindowedScan"/>), and fixes when asked.
/// </summary>
internal static class FileScanner
{
    private const int BinaryProbe = 8192;

    /// <summary>The largest window buffer: a file up to this size with something to look at is classified in one window unless it floods.</summary>
    public const long WholeLimit = 16L * 1024 * 1024;

    /// <summary>
    /// Scans one file. It streams through the worker's cache-sized chunk; a file with nothing suspect is done
    /// there, with no allocation. Only a file with something to look at is classified, from the chunk when it
    /// fits, else read whole. <paramref name="directory"/> is an open folder to open the file in, or -1.
    /// </summary>
    public static FileScanResult Scan<TReads>(in ScanTarget target, int directory, ScanOptions options, ScanBuffer buffer)
        where TReads : IScanReads
    {
        var fd = directory >= 0 ? TReads.OpenAt(directory, target.Name) : TReads.Open(target.FullPath);
        if (fd >= 0)
        {
            try
            {
                if (ScanNative<TReads>(fd, target, options, buffer) is { } result)
                {
                    return result;
                }
            }
            finally
            {
                TReads.Close(fd);
            }
        }

        return ScanManaged(target, options, buffer);
    }

    /// <summary>The fast path: pread through the chunk; null means "use the managed path".</summary>
    private static FileScanResult? ScanNative<TReads>(int fd, in ScanTarget target, ScanOptions options, ScanBuffer buffer)
        where TReads : IScanReads
    {
        var chunk = buffer.Chunk;
        var n = TReads.ReadAt(fd, chunk, 0);
        if (n < 0)
        {
            // A FIFO or socket would block the managed path forever: skip it here. Anything else (a directory,
            // a permission problem): let .NET say what it is.
            return n == IScanReads.NotAFile
                ? new FileScanResult(target, 0, true, null, $"{target.DisplayPath}: skipped, not a regular file", false, false)
                : null;
        }

        var first = chunk.AsSpan(0, n);
        var utf16 = DetectEncoding(first) != FileEncoding.Utf8;
        if (!utf16 && first[..Math.Min(n, BinaryProbe)].Contains((byte)0))
        {
            return FileScanResult.Binary(target, n);
        }

        long total = n;
        var look = utf16 || options.IncludeInfo || TextClassifier.NeedsLook(first);
        while (!look)
        {
            var more = TReads.ReadAt(fd, chunk, total);
            if (more <= 0)
            {
                return more == 0 ? FileScanResult.Clean(target, total) : null;
            }

            total += more;
            look = TextClassifier.NeedsLook(chunk.AsSpan(0, more));
        }

        if (utf16)
        {
            return null; // UTF-16 is transcoded whole, on the managed path
        }

        var size = TReads.Size(fd);
        return WindowedScan.Run(target, options, buffer, (span, offset) => TReads.ReadAt(fd, span, offset), size, FileEncoding.Utf8);
    }

    private static FileScanResult ScanManaged(ScanTarget target, ScanOptions options, ScanBuffer buffer)
    {
        try
        {
            using var handle = File.OpenHandle(target.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var length = RandomAccess.GetLength(handle);
            if (!options.IncludeInfo && StreamIsQuiet(handle, length, buffer.Chunk, out var binary))
            {
                return new FileScanResult(target, length, binary, null, null, false, false);
            }

            var head = new byte[2];
            var encoding = DetectEncoding(head.AsSpan(0, RandomAccess.Read(handle, head, 0)));
            if (encoding != FileEncoding.Utf8)
            {
                if (length > WholeLimit * 4)
                {
                    return new FileScanResult(target, 0, true, null, $"{target.DisplayPath}: skipped, a UTF-16 file larger than 64 MiB", false, false);
                }

                var whole = new byte[length];
                return ScanContent(target, whole.AsSpan(0, ReadAll(handle, whole)), options, buffer);
            }

            return WindowedScan.Run(target, options, buffer, (span, offset) => RandomAccess.Read(handle, span, offset), length, FileEncoding.Utf8)
                ?? new FileScanResult(target, 0, true, null, $"{target.DisplayPath}: skipped, could not be read", false, false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileScanResult(target, 0, true, null, ScanProblem.Describe(target.DisplayPath, e), false, false);
        }
    }

    /// <summary>True when the whole file is printable ASCII/tab/CR/LF (no CR in mid-line) (or binary: a NUL in the first 8 KiB).</summary>
    private static bool StreamIsQuiet(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long length, byte[] chunk, out bool binary)
    {
        binary = false;
        long offset = 0;
        while (offset < length)
        {
            var n = RandomAccess.Read(handle, chunk, offset);
            if (n == 0)
            {
                break;
            }

            var span = chunk.AsSpan(0, n);
            if (offset == 0)
            {
                if (DetectEncoding(span) != FileEncoding.Utf8)
                {
                    return false;
                }

                if (span[..Math.Min(n, BinaryProbe)].Contains((byte)0))
                {
                    binary = true;
                    return true;
                }
            }

            if (TextClassifier.NeedsLook(span))
            {
                return false;
            }

            offset += n;
        }

        return true;
    }

    private static int ReadAll(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Span<byte> buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = RandomAccess.Read(handle, buffer[read..], read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read;
    }

    /// <summary>Scans content held in memory (a staged blob, a transcoded UTF-16 file), window by window like a file.</summary>
    internal static FileScanResult ScanContent(in ScanTarget target, ReadOnlySpan<byte> bytes, ScanOptions options, ScanBuffer buffer)
    {
        var encoding = DetectEncoding(bytes);
        var utf8 = encoding == FileEncoding.Utf8 ? bytes.ToArray() : Transcode(bytes, encoding);
        if (encoding == FileEncoding.Utf8 && !TextClassifier.NeedsLook(utf8) && !options.IncludeInfo)
        {
            return FileScanResult.Clean(target, bytes.Length);
        }

        return WindowedScan.Run(target, options, buffer, (span, offset) => Copy(utf8, span, offset), utf8.Length, encoding, bytes.Length)!.Value;
    }

    private static int Copy(byte[] source, Span<byte> span, long offset)
    {
        var n = (int)Math.Min(span.Length, source.Length - offset);
        source.AsSpan((int)offset, n).CopyTo(span);
        return n;
    }

    /// <summary>Fixes, then fixes what removing characters newly exposed (at most a few rounds).</summary>
    internal static byte[] FixedText(ReadOnlySpan<byte> utf8, List<TextFinding> findings, Severity threshold, ClassifyOptions classify, Func<TextFinding, bool>? keep = null)
    {
        var current = TextFixer.Apply(utf8, findings, threshold);
        for (var round = 0; round < 4; round++)
        {
            var again = TextClassifier.Classify(current, classify);
            if (keep is not null)
            {
                again.RemoveAll(f => !keep(f));
            }

            if (!TextFixer.HasFixable(again, threshold))
            {
                break;
            }

            current = TextFixer.Apply(current, again, threshold);
        }

        return current;
    }

    internal static FileEncoding DetectEncoding(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE ? FileEncoding.Utf16LittleEndian
        : bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF ? FileEncoding.Utf16BigEndian
        : FileEncoding.Utf8;

    private static byte[] Transcode(ReadOnlySpan<byte> bytes, FileEncoding encoding)
    {
        var text = (encoding == FileEncoding.Utf16LittleEndian ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes[2..]);
        return Encoding.UTF8.GetBytes(text);
    }

    internal static byte[] Encode(byte[] utf8, FileEncoding encoding)
    {
        if (encoding == FileEncoding.Utf8)
        {
            return utf8;
        }

        var text = Encoding.UTF8.GetString(utf8);
        var body = (encoding == FileEncoding.Utf16LittleEndian ? Encoding.Unicode : Encoding.BigEndianUnicode).GetBytes(text);
        byte[] bom = encoding == FileEncoding.Utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF];
        return [.. bom, .. body];
    }
}
