namespace Sov.Core.Audit;

/// <summary>
/// Sovereign could not write its own state (journal, request bodies, session file) under SOV_HOME: the disk
/// is full or failed. Whatever the record would have allowed was not done; the front door prints the two
/// lines and exits 3 (<see cref="ExitCodes.Environment"/>), never "internal error" (#13.1).
/// </summary>
public sealed class StateWriteException : SovException
{
    public StateWriteException(string message, string remedy, Exception? inner)
        : base(message, remedy, ExitCodes.Environment)
    {
        Inner = inner;
    }

    /// <summary>The I/O error behind it (kept for <c>--debug</c>).</summary>
    public Exception? Inner { get; }

    /// <summary>True when the disk is full (ENOSPC), a quota is exhausted (EDQUOT) or the file is too large (EFBIG).</summary>
    public bool DiskFull => Inner is IOException io && IsDiskFull(io);

    /// <summary>The one-line message for a failure to write <paramref name="what"/> in <paramref name="folder"/>.</summary>
    public static StateWriteException For(Exception error, string what, string folder)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error is IOException io && IsDiskFull(io)
            ? new StateWriteException($"disk full under SOV_HOME ({folder}): could not write the {what}; nothing it would have allowed was done.",
                "Free space, then `sov --continue`.", error)
            : new StateWriteException($"cannot write under SOV_HOME ({folder}): the {what} failed ({error.Message}); nothing it would have allowed was done.",
                "Check that disk (dmesg), free or fix it, then `sov --continue`.", error);
    }

    public static bool IsDiskFull(IOException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        const int Enospc = 28, Edquot = 122, Efbig = 27, ErrorDiskFull = 112, ErrorHandleDiskFull = 39;
        var code = error.HResult & 0xFFFF;
        return error.HResult is Enospc or Edquot or Efbig
            || ((error.HResult & unchecked((int)0xFFFF0000)) == unchecked((int)0x80070000) && code is ErrorDiskFull or ErrorHandleDiskFull)
            || error.Message.Contains("No space left on device", StringComparison.Ordinal)
            || error.Message.Contains("Disk quota exceeded", StringComparison.Ordinal);
    }
}
