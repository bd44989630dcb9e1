namespace Sov.Core.Config;

/// <summary>The configuration or environment is wrong; the front door prints both lines and exits 3.</summary>
public sealed class ConfigException(string message, string remedy) : SovException(message, remedy, ExitCodes.Environment);
