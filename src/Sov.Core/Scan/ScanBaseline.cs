using System.Text.Json;
using Sov.Core.Text;

namespace Sov.Core.Scan;

/// <summary>
/// Accepted findings (<c>--baseline FILE</c>), keyed by file, category, code point and a hash of the line's content
/// (<see cref="BaselineKey"/>), each with how many times it was accepted. A finding whose key has an accepted count
/// left is suppressed and uses one up; edits elsewhere do not change a key, and a moved line keeps its hash.
/// </summary>
public sealed class ScanBaseline
{
    public const int Version = 1;

    private readonly Dictionary<string, int> _left;
    private readonly Lock _gate = new();

    public ScanBaseline(string path, IReadOnlyDictionary<string, int> counts)
    {
        Path = path;
        _left = new Dictionary<string, int>(counts, StringComparer.Ordinal);
    }

    public string Path { get; }

    /// <summary>True (and one fewer left) when <paramref name="key"/> is accepted.</summary>
    public bool TryConsume(string key)
    {
        lock (_gate)
        {
            if (!_left.TryGetValue(key, out var n) || n <= 0)
            {
                return false;
            }

            _left[key] = n - 1;
            return true;
        }
    }

    public static ScanBaseline Load(string path)
    {
        const string remedy = "Name a file written by 'sov scan --write-baseline FILE', or write it again.";
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScanConfigException($"{path}: the baseline cannot be read: {e.Message}", remedy);
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            using var json = JsonDocument.Parse(bytes);
            var root = json.RootElement;
            if (root.GetProperty("version").GetInt32() != Version)
            {
                throw new ScanConfigException($"{path}: baseline version {root.GetProperty("version")} is not {Version}", remedy);
            }

            foreach (var e in root.GetProperty("findings").EnumerateArray())
            {
                if (!ScanCategoryNames.TryParse(e.GetProperty("category").GetString() ?? "", out var category)
                    || !BaselineKey.TryParseCodePoint(e.GetProperty("codepoint").GetString(), out var cp))
                {
                    throw new ScanConfigException($"{path}: a baseline entry has an unknown category or code point", remedy);
                }

                var key = BaselineKey.Of(e.GetProperty("path").GetString() ?? "", category, cp, e.GetProperty("line_hash").GetString() ?? "");
                counts[key] = counts.GetValueOrDefault(key) + Math.Max(1, e.GetProperty("count").GetInt32());
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ScanConfigException($"{path}: not a sov scan baseline: {e.Message}", remedy);
        }

        return new ScanBaseline(path, counts);
    }

    /// <summary>Writes accepted findings (key → count) as the baseline file, sorted so it diffs well.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteStartArray("findings");
            foreach (var (key, count) in counts.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var (file, category, cp, hash) = BaselineKey.Split(key);
                json.WriteStartObject();
                json.WriteString("path", file);
                json.WriteString("category", TextCategories.Name(category));
                json.WriteString("codepoint", CodePoints.Format(cp));
                json.WriteString("line_hash", hash);
                json.WriteNumber("count", count);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        FileRewriter.Replace(path, buffer.ToArray(), create: true);
    }
}
