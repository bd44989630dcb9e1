using System.Runtime.InteropServices;

namespace Sov.Borders.Terminal;

/// <summary>
/// The terminal's own input queue. <see cref="Discard"/> throws away every byte the kernel holds for
/// standard input that nobody has read yet (<c>tcflush(0, TCIFLUSH)</c>), including a half-typed line the
/// terminal keeps while it is in line mode. The interactive UI calls it when an approval opens, so keys
/// typed before the question was on screen can never answer it (issue #12). Border change: one libc call
/// on file descriptor 0, nothing else; where standard input is not a terminal it does nothing.
/// </summary>
public static class PendingInput
{
    private const int StandardInput = 0;
    private const int InputQueue = 0; // TCIFLUSH on Linux

    /// <summary>True when the kernel's queue was flushed; false when stdin is not a terminal or the call is unavailable.</summary>
    public static bool Discard()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return tcflush(StandardInput, InputQueue) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "tcflush")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int tcflush(int fd, int queueSelector);
}
