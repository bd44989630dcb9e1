namespace Sov.Core.Scan;

/// <summary>A <c>.sovscan.toml</c> or baseline file that cannot be used: exit code 3 (bad configuration).</summary>
public sealed class ScanConfigException(string message, string remedy) : SovException(message, remedy, ExitCodes.Environment);
