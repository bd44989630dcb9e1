using System.Buffers;
using System.Text;
using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary>
/// Scans one file: reads it into a pooled buffer, skips binaries (a NUL in the first 8 KiB, unless a
/// UTF-16 byte order mark says otherwise), transcodes UTF-16 to UTF-8, classifies, and fixes when asked.
/// </summary>
internal static class FileScanner
{
    private const int BinaryProbe = 8192;

    /// <summary>Size of the per-worker buffer clean files are streamed through.</summary>
    public const int ChunkSize = 256 * 1024;

    /// <summary>
    /// Scans one file. Clean files are streamed through the worker's <paramref name="chunk"/> buffer (it stays in
    /// cache; nothing is allocated); only a file with a suspect byte, a UTF-16 file or an <c>--all</c> scan is read whole.
    /// </summary>
    public static FileScanResult Scan(ScanTarget target, ScanOptions options, byte[] chunk)
    {
        var fd = NativeRead.Open(target.FullPath);
        if (fd >= 0)
        {
            try
            {
                if (ScanNative(fd, target, options, chunk) is { } result)
                {
                    return result;
                }
            }
            finally
            {
                NativeRead.Close(fd);
            }
        }

        return ScanManaged(target, options, chunk);
    }

    /// <summary>The fast path: open/read/close, streaming clean files through the chunk buffer. Null means "use the managed path".</summary>
    private static FileScanResult? ScanNative(int fd, ScanTarget target, ScanOptions options, byte[] chunk)
    {
        var n = NativeRead.Read(fd, chunk);
        if (n < 0)
        {
            return null; // a directory, a permission problem...: let .NET say what it is
        }

        var first = chunk.AsSpan(0, n);
        var utf16 = DetectEncoding(first) != FileEncoding.Utf8;
        if (!utf16 && first[..Math.Min(n, BinaryProbe)].Contains((byte)0))
        {
            return new FileScanResult(target.DisplayPath, n, true, [], null, false, false);
        }

        long total = n;
        var needWhole = utf16 || options.IncludeInfo || TextClassifier.IndexOfSuspect(first) >= 0;
        if (!needWhole)
        {
            while (true)
            {
                n = NativeRead.Read(fd, chunk);
                if (n < 0)
                {
                    return null;
                }

                if (n == 0)
                {
                    return new FileScanResult(target.DisplayPath, total, false, [], null, false, false);
                }

                total += n;
                if (TextClassifier.IndexOfSuspect(chunk.AsSpan(0, n)) >= 0)
                {
                    break; // this file needs a look: start over with the whole of it
                }
            }

            return null;
        }

        // The whole file: what was read so far, then the rest.
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(n * 2, 4096));
        try
        {
            first.CopyTo(buffer);
            var length = n;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var r = NativeRead.Read(fd, buffer.AsSpan(length));
                if (r < 0)
                {
                    return null;
                }

                if (r == 0)
                {
                    break;
                }

                length += r;
            }

            return ScanBytes(target, buffer.AsSpan(0, length), options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static FileScanResult ScanManaged(ScanTarget target, ScanOptions options, byte[] chunk)
    {
        byte[]? rented = null;
        try
        {
            using var handle = File.OpenHandle(target.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var length = RandomAccess.GetLength(handle);
            if (length > int.MaxValue / 2)
            {
                return new FileScanResult(target.DisplayPath, 0, true, [], $"{target.DisplayPath}: skipped, larger than 1 GiB", false, false);
            }

            if (!options.IncludeInfo && StreamIsQuiet(handle, length, chunk, out var binary))
            {
                return new FileScanResult(target.DisplayPath, length, binary, [], null, false, false);
            }

            rented = ArrayPool<byte>.Shared.Rent((int)Math.Max(length, 1));
            var read = ReadAll(handle, rented.AsSpan(0, (int)length));
            return ScanBytes(target, rented.AsSpan(0, read), options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileScanResult(target.DisplayPath, 0, true, [], $"{target.DisplayPath}: {e.Message}", false, false);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>True when the whole file is printable ASCII/tab/CR/LF (or binary: a NUL in the first 8 KiB).</summary>
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

            if (TextClassifier.IndexOfSuspect(span) >= 0)
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

    private static FileScanResult ScanBytes(ScanTarget target, ReadOnlySpan<byte> bytes, ScanOptions options)
    {
        var encoding = DetectEncoding(bytes);
        if (encoding == FileEncoding.Utf8 && bytes[..Math.Min(bytes.Length, BinaryProbe)].Contains((byte)0))
        {
            return new FileScanResult(target.DisplayPath, bytes.Length, true, [], null, false, false);
        }

        var kind = SourceKinds.FromPath(target.FullPath);
        var classify = new ClassifyOptions(kind, options.IncludeInfo);
        var utf8 = encoding == FileEncoding.Utf8 ? bytes : Transcode(bytes, encoding);
        if (encoding == FileEncoding.Utf8 && TextClassifier.IndexOfSuspect(utf8) < 0 && !options.IncludeInfo)
        {
            return new FileScanResult(target.DisplayPath, bytes.Length, false, [], null, false, false);
        }

        var findings = TextClassifier.Classify(utf8, classify);
        var fixedFile = false;
        var unfixed = false;
        if (options.Fix && TextFixer.HasFixable(findings, options.FailOn))
        {
            var repaired = FixedText(utf8, findings, options.FailOn, classify);
            FileRewriter.Replace(target.FullPath, Encode(repaired, encoding));
            fixedFile = true;
            var after = TextClassifier.Classify(repaired, classify);
            unfixed = after.Exists(f => f.Severity >= options.FailOn);
        }
        else
        {
            unfixed = findings.Exists(f => f.Severity >= options.FailOn);
        }

        if (!options.IncludeInfo)
        {
            findings.RemoveAll(f => f.Severity == Severity.Info);
        }

        return new FileScanResult(target.DisplayPath, bytes.Length, false, findings, null, fixedFile, unfixed);
    }

    /// <summary>Fixes, then fixes what removing characters newly exposed (at most a few rounds).</summary>
    internal static byte[] FixedText(ReadOnlySpan<byte> utf8, List<TextFinding> findings, Severity threshold, ClassifyOptions classify)
    {
        var current = TextFixer.Apply(utf8, findings, threshold);
        for (var round = 0; round < 4; round++)
        {
            var again = TextClassifier.Classify(current, classify);
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

    private static byte[] Encode(byte[] utf8, FileEncoding encoding)
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
