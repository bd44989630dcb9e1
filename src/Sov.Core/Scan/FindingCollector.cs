using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary>
/// Gathers one file's findings window by window: applies inline markers, <c>.sovscan.toml</c> rules and the baseline,
/// keeps at most <see cref="ScanOptions.MaxFindingsPerFile"/> findings (and as many suppressed ones) in full and only
/// counts the rest, so memory stays bounded whatever the file holds.
/// </summary>
internal sealed class FindingCollector
{
    private readonly ScanOptions _options;
    private readonly SourceKind _kind;
    private readonly string _path;
    private readonly InlineMarkers? _markers;
    private readonly ScanConfig? _config;
    private readonly IReadOnlyList<SuppressRule> _rules;
    private readonly ScanBaseline? _baseline;
    private readonly bool _keys;
    private readonly List<TextFinding> _shown = [];
    private readonly List<SuppressedFinding> _suppressed = [];
    private readonly Dictionary<TextCategory, int> _omitted = [];
    private Dictionary<string, int>? _baselineKeys;
    private int _reported;
    private int _suppressedCount;
    private int _atOrAbove;
    private int _hashStart = -1;
    private int _hashEnd = -1;
    private string _hash = "";

    public FindingCollector(in ScanTarget target, ScanOptions options, SourceKind kind)
    {
        _options = options;
        _kind = kind;
        _path = target.DisplayPath;
        var s = options.Suppressions;
        _markers = s.Inline ? new InlineMarkers() : null;
        _config = s.Config;
        _rules = s.Config?.RulesFor(target.FullPath) ?? [];
        _baseline = s.Baseline;
        _keys = _baseline is not null || options.CollectBaseline;
    }

    /// <summary>Unsuppressed findings at or above the threshold so far.</summary>
    public int AtOrAbove => _atOrAbove;

    /// <summary>Reads the inline markers of the next window; call before <see cref="Add"/> and <see cref="Suppressed"/> for it.</summary>
    public void StartWindow(ReadOnlySpan<byte> window, WindowPosition at)
    {
        _markers?.Load(window, _kind, _path, at.BaseLine);
        _hashStart = _hashEnd = -1;
    }

    /// <summary>Takes the findings of the current window (window-relative positions, ordered by offset).</summary>
    public void Add(ReadOnlySpan<byte> window, List<TextFinding> findings, WindowPosition at)
    {
        var cap = _options.MaxFindingsPerFile;
        foreach (var f in findings)
        {
            string? key = null;
            if (Suppressor(f) is { } by)
            {
                _suppressedCount++;
                if (_suppressed.Count < cap)
                {
                    _suppressed.Add(new SuppressedFinding(Moved(f, at), by.Kind, by.Justification));
                }

                continue;
            }

            if (_keys)
            {
                key = BaselineKey.Of(_path, f.Category, f.CodePoint, LineHash(window, f.Offset));
                if (_baseline is not null && _baseline.TryConsume(key))
                {
                    _suppressedCount++;
                    if (_suppressed.Count < cap)
                    {
                        _suppressed.Add(new SuppressedFinding(Moved(f, at), SuppressionKind.External, $"accepted in the baseline {Path.GetFileName(_baseline.Path)}"));
                    }

                    continue;
                }

                if (_options.CollectBaseline)
                {
                    _baselineKeys ??= new Dictionary<string, int>(StringComparer.Ordinal);
                    _baselineKeys[key] = _baselineKeys.GetValueOrDefault(key) + 1;
                }
            }

            _reported++;
            _atOrAbove += f.Severity >= _options.FailOn ? 1 : 0;
            if (_shown.Count < cap)
            {
                _shown.Add(Moved(f, at));
            }
            else
            {
                _omitted[f.Category] = _omitted.GetValueOrDefault(f.Category) + 1;
            }
        }
    }

    /// <summary>
    /// True when the findings of further windows can only be counted: the shown (and suppressed) findings
    /// are at the cap and no marker is in play, so a <see cref="WindowSummary"/> says all that is needed.
    /// </summary>
    public bool Saturated() =>
        _shown.Count >= _options.MaxFindingsPerFile
        && (_suppressed.Count >= _options.MaxFindingsPerFile || (_rules.Count == 0 && _baseline is null))
        && (_markers is null || !_markers.Active);

    /// <summary>Reduces the current window's findings to counts (with line hashes when a baseline is in play).</summary>
    public WindowSummary Summarize(ReadOnlySpan<byte> window, List<TextFinding> findings)
    {
        var summary = new WindowSummary();
        foreach (var f in findings)
        {
            summary.Add(f.Category, f.Severity, f.CodePoint, _keys ? LineHash(window, f.Offset) : "");
        }

        return summary;
    }

    /// <summary>Counts a window by its summary (only when <see cref="Saturated"/>): the same outcome as <see cref="Add"/> for its findings.</summary>
    public void AddSummary(WindowSummary summary)
    {
        foreach (var ((category, severity, cp, hash), count) in summary.Counts)
        {
            var left = count;
            var rule = _rules.FirstOrDefault(r => r.Covers(category, severity));
            if (rule is not null)
            {
                _suppressedCount += left;
                continue;
            }

            if (_keys)
            {
                var key = BaselineKey.Of(_path, category, cp, hash);
                while (left > 0 && _baseline is not null && _baseline.TryConsume(key))
                {
                    _suppressedCount++;
                    left--;
                }

                if (_options.CollectBaseline && left > 0)
                {
                    _baselineKeys ??= new Dictionary<string, int>(StringComparer.Ordinal);
                    _baselineKeys[key] = _baselineKeys.GetValueOrDefault(key) + left;
                }
            }

            _reported += left;
            _atOrAbove += severity >= _options.FailOn ? left : 0;
            _omitted[category] = _omitted.GetValueOrDefault(category) + left;
        }
    }

    /// <summary>True when a marker or a <c>.sovscan.toml</c> rule suppresses <paramref name="f"/> (window-relative); the baseline is not consulted.</summary>
    public bool Suppressed(TextFinding f) => Suppressor(f) is not null;

    public FileReport Build() =>
        new(_path, _shown, _suppressed, _omitted, _reported, _suppressedCount, _atOrAbove, _baselineKeys);

    public IReadOnlyList<string> Problems => _markers?.Problems ?? [];

    private (SuppressionKind Kind, string Justification)? Suppressor(TextFinding f)
    {
        // #21: an inline marker is one line a reviewer may skim past (or see reordered); it never hides a critical
        // finding (bidi reordering, tag or variation-selector smuggling). Only .sovscan.toml and a baseline can.
        if (f.Severity < Severity.Critical && _markers is not null && _markers.Covers(f.Line, f.Category))
        {
            return (SuppressionKind.InSource, "sov-scan: ignore marker in a comment");
        }

        foreach (var rule in _rules)
        {
            if (rule.Covers(f.Category, f.Severity))
            {
                return (SuppressionKind.External, _config!.Justify(rule));
            }
        }

        return null;
    }

    private static TextFinding Moved(TextFinding f, WindowPosition at) =>
        at.BaseLine == 0 && at.ColumnCarry == 0 && at.BaseOffset == 0
            ? f
            : f with
            {
                Line = at.BaseLine + f.Line,
                Column = f.Line == 1 ? f.Column + at.ColumnCarry : f.Column,
                Offset = (int)Math.Min(int.MaxValue, at.BaseOffset + f.Offset),
            };

    /// <summary>The hash of the line holding <paramref name="offset"/>, cached: findings come in order, many on one line.</summary>
    private string LineHash(ReadOnlySpan<byte> window, int offset)
    {
        if (offset >= _hashStart && offset < _hashEnd)
        {
            return _hash;
        }

        var start = window[..offset].LastIndexOf((byte)'\n') + 1;
        var end = window[offset..].IndexOf((byte)'\n');
        end = end < 0 ? window.Length : offset + end;
        (_hashStart, _hashEnd) = (start, Math.Max(end, offset + 1));
        _hash = BaselineKey.HashLine(window[start..end]);
        return _hash;
    }
}
