using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary>
/// Classifies a file window by window through the worker's buffer (<see cref="ScanWindows"/> says where to cut), hands
/// the findings to a <see cref="FindingCollector"/> and, with <c>--fix</c>, repairs window by window. Memory is the
/// buffer plus one window's findings, whatever the size of the file or the number of findings in it.
/// </summary>
internal static class WindowedScan
{
    /// <summary>Reads at an offset: bytes read, 0 at the end, negative on an error (the caller then falls back).</summary>
    public delegate int Reader(Span<byte> buffer, long offset);

    private const int BinaryProbe = 8192;

    /// <summary>Scans what <paramref name="read"/> gives (UTF-8); null when a read failed. <paramref name="encoding"/> is what a fix writes back.</summary>
    public static FileScanResult? Run(in ScanTarget target, ScanOptions options, ScanBuffer buffer, Reader read, long sizeHint, FileEncoding encoding, long? reportedBytes = null)
    {
        var kind = SourceKinds.FromPath(target.Name);
        var state = new State(target, options, kind);
        var data = buffer.EnsureWhole(Math.Clamp(sizeHint + 1, ScanBuffer.ChunkSize, FileScanner.WholeLimit + ScanBuffer.ChunkSize));
        long readOffset = 0;
        int filled = 0, start = 0;
        var eof = false;
        var first = true;
        while (true)
        {
            while (!eof && filled < data.Length)
            {
                var n = read(data.AsSpan(filled), readOffset);
                if (n < 0)
                {
                    return null;
                }

                eof = n == 0;
                filled += n;
                readOffset += n;
            }

            if (first)
            {
                first = false;
                if (encoding == FileEncoding.Utf8 && data.AsSpan(0, Math.Min(filled, BinaryProbe)).Contains((byte)0))
                {
                    return FileScanResult.Binary(target, Math.Max(filled, sizeHint));
                }
            }

            while (start < filled)
            {
                var span = data.AsSpan(start, filled - start);
                var cut = ScanWindows.Cut(span, options.IncludeInfo, out var full);
                if (!full && !eof)
                {
                    if (start > 0)
                    {
                        break; // read more behind what is left, then cut again
                    }

                    cut = ScanWindows.CutBefore(span, span.Length); // a full buffer under budget: end it at a line end
                }

                state.Window(span[..cut]);
                start += cut;
            }

            if (eof)
            {
                return state.Finish(reportedBytes ?? readOffset, encoding);
            }

            data.AsSpan(start, filled - start).CopyTo(data);
            filled -= start;
            start = 0;
        }
    }

    /// <summary>One file's progress: where the next window starts, the collector, and the repaired text when fixing.</summary>
    private sealed class State(in ScanTarget target, ScanOptions options, SourceKind kind)
    {
        private readonly ScanTarget _target = target;
        private readonly ClassifyOptions _classify = new(kind, options.IncludeInfo);
        private readonly FindingCollector _collector = new(target, options, kind);
        private readonly List<TextFinding> _found = [];
        private readonly WindowCache _cache = new();
        private readonly MemoryStream? _repaired = options.Fix ? new MemoryStream() : null;
        private bool _changed;
        private int _unfixed;
        private int _line;
        private int _carry;
        private long _offset;

        public void Window(ReadOnlySpan<byte> window)
        {
            var at = new WindowPosition(_line, _carry, _offset);
            _collector.StartWindow(window, at);
            var counting = _repaired is null && _collector.Saturated();
            if (counting && _cache.Find(window) is { } seen)
            {
                _collector.AddSummary(seen);
            }
            else if (TextClassifier.NeedsLook(window) || options.IncludeInfo)
            {
                _found.Clear();
                TextClassifier.Classify(window, _classify, _found);
                if (_repaired is not null)
                {
                    Fix(window);
                }

                if (!options.IncludeInfo)
                {
                    _found.RemoveAll(f => f.Severity == Severity.Info);
                }

                if (counting)
                {
                    var summary = _collector.Summarize(window, _found);
                    _cache.Add(window, summary);
                    _collector.AddSummary(summary);
                }
                else
                {
                    _collector.Add(window, _found, at);
                }
            }
            else
            {
                _repaired?.Write(window);
            }

            var newlines = window.Count((byte)'\n');
            if (newlines > 0)
            {
                _line += newlines;
                _carry = Utf8Text.CountCodePoints(window[(window.LastIndexOf((byte)'\n') + 1)..]);
            }
            else
            {
                _carry += Utf8Text.CountCodePoints(window);
            }

            _offset += window.Length;
        }

        public FileScanResult Finish(long bytes, FileEncoding encoding)
        {
            string? problem = null;
            var fixedFile = false;
            var unfixed = _collector.AtOrAbove > 0;
            if (_repaired is not null && _changed)
            {
                try
                {
                    FileRewriter.Replace(_target.FullPath, FileScanner.Encode(_repaired.ToArray(), encoding));
                    fixedFile = true;
                    unfixed = _unfixed > 0;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problem = $"{_target.DisplayPath}: not fixed: {e.Message}";
                }
            }

            return new FileScanResult(_target, bytes, false, _collector.Build(), problem, fixedFile, unfixed, _collector.Problems);
        }

        private void Fix(ReadOnlySpan<byte> window)
        {
            bool Keep(TextFinding f) => !_collector.Suppressed(f);
            var fixable = _found.Where(Keep).ToList();
            if (!TextFixer.HasFixable(fixable, options.FailOn))
            {
                _repaired!.Write(window);
                _unfixed += fixable.Count(f => f.Severity >= options.FailOn);
                return;
            }

            var repaired = FileScanner.FixedText(window, fixable, options.FailOn, _classify, Keep);
            _repaired!.Write(repaired);
            _changed = true;
            _unfixed += TextClassifier.Classify(repaired, _classify).Count(f => f.Severity >= options.FailOn && Keep(f));
        }
    }
}
