namespace Sov.Borders.FileSystem;

/// <summary>An open folder descriptor holding flock; closing it releases the lock.</summary>
internal sealed class FolderLock(int fd) : IDisposable
{
    private int _fd = fd;

    public void Dispose()
    {
        var open = Interlocked.Exchange(ref _fd, -1);
        if (open >= 0)
        {
            _ = Libc.Close(open);
        }
    }
}
