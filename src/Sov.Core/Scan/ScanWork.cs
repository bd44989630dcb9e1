namespace Sov.Core.Scan;

/// <summary>One item of the scan's work: a folder to list, or files to read.</summary>
internal abstract record ScanWork;
