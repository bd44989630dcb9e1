using Sov.Core.Scan;

namespace Sov.Cli.Scan;

/// <summary>Passes files on to the output and adds up their baseline keys for <c>--write-baseline</c>.</summary>
internal sealed class ScanBaselineSink(IScanSink inner) : IScanSink
{
    public Dictionary<string, int> Keys { get; } = new(StringComparer.Ordinal);

    public void Add(FileReport file)
    {
        foreach (var (key, count) in file.BaselineKeys ?? new Dictionary<string, int>())
        {
            Keys[key] = Keys.GetValueOrDefault(key) + count;
        }

        inner.Add(file);
    }
}
