namespace Sov.Core.Scan;

/// <summary>A scan could not start: a named path does not exist.</summary>
public sealed class ScanException(string message, string remedy) : SovException(message, remedy, ExitCodes.Usage);
