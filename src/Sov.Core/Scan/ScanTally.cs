namespace Sov.Core.Scan;

/// <summary>One worker's totals; the files the report names go to the shared <see cref="ScanOutput"/> (clean files are only counted).</summary>
internal sealed class ScanTally(ScanOutput output)
{
    public int Files { get; private set; }

    public long Bytes { get; private set; }

    public int Skipped { get; private set; }

    public int Reported { get; private set; }

    public int Suppressed { get; private set; }

    public int Omitted { get; private set; }

    public int AtOrAbove { get; private set; }

    public void Add(in FileScanResult result)
    {
        if (result.Skipped)
        {
            Skipped++;
        }
        else
        {
            Files++;
            Bytes += result.Bytes;
        }

        if (result.Report is { } r)
        {
            Reported += r.Reported;
            Suppressed += r.SuppressedCount;
            Omitted += r.OmittedCount;
            AtOrAbove += r.AtOrAbove;
        }

        if (result.Notable)
        {
            output.Add(result);
        }
    }
}
