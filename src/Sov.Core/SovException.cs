namespace Sov.Core;

/// <summary>
/// An error meant for the person: <see cref="Exception.Message"/> says what went wrong in one line,
/// <see cref="Remedy"/> what to do in one line, and <see cref="ExitCode"/> is the documented exit code.
/// The front door prints the two lines; a stack trace only with <c>--debug</c>.
/// </summary>
public class SovException(string message, string remedy, int exitCode) : Exception(message)
{
    public string Remedy { get; } = remedy;
    public int ExitCode { get; } = exitCode;
}
