namespace Sov.Core.Scan;

/// <summary>
/// Takes each file's report as soon as the file is done (streaming output). Calls come from the scan's worker threads
/// one at a time (the runner serialises them), in the order files finish.
/// </summary>
public interface IScanSink
{
    void Add(FileReport file);
}
