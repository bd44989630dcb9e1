namespace Sov.Core.Files;

/// <summary>
/// Whether another open handle holds a file's lock. Sovereign's live writers hold theirs (the runtime's <c>flock</c>,
/// shared or exclusive, released by the system when the process ends, even by a kill), so a file nobody holds is
/// one whose writer is gone.
/// </summary>
public static class FileLocks
{
    private const int SharingViolation = unchecked((int)0x80070020);
    private const int WouldBlock = 11; // EWOULDBLOCK (EAGAIN) on Linux: the runtime reports flock's errno

    /// <summary>True while some handle holds the file locked; false when it is free, absent or unreadable.</summary>
    public static bool IsHeld(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, bufferSize: 1);
            return false;
        }
        catch (IOException e) when (IsContention(e))
        {
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The failure of an open whose lock another handle holds.</summary>
    public static bool IsContention(IOException e) => e?.HResult is SharingViolation or WouldBlock;
}
