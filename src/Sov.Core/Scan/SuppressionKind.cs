namespace Sov.Core.Scan;

/// <summary>Where a suppression comes from, as SARIF names it: in the source (a marker) or outside it (config file, baseline).</summary>
public enum SuppressionKind
{
    InSource,
    External,
}
