namespace Sov.Core.Models;

/// <summary>The model endpoint failed in a way the person should hear about (one line + remedy + exit code).</summary>
public class ModelException(string message, string remedy, int exitCode = ExitCodes.Failed)
    : SovException(message, remedy, exitCode);
