using Microsoft.Win32.SafeHandles;

namespace Sov.Core.Files;

/// <summary>
/// All-or-nothing file replacement: a temporary file in the same folder (created exclusively, so an
/// existing name or symlink is never followed), the content written and fsynced, the old file's mode
/// copied, then one rename over the target (rename replaces a symlink itself, never its target). A crash
/// leaves either the old or the new file, never half of one.
/// </summary>
public static partial class AtomicFile
{
    /// <param name="createMode">The mode of a file this creates (an existing file keeps its own); null: the umask decides.</param>
    public static void Write(string path, ReadOnlySpan<byte> content, Action<SafeFileHandle>? verifyOpened = null, UnixFileMode? createMode = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var folder = Path.GetDirectoryName(path) ?? "/";
        var temp = Path.Combine(folder, TempName(Path.GetFileName(path)));
        UnixFileMode? mode = null;
        if (!OperatingSystem.IsWindows() && File.Exists(path) && new FileInfo(path).LinkTarget is null)
        {
            mode = File.GetUnixFileMode(path);
        }
        else
        {
            mode = createMode;
        }

        try
        {
            using (var handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                verifyOpened?.Invoke(handle);
                if (mode is { } m && !OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(handle, m);
                }

                using var stream = new FileStream(handle, FileAccess.Write);
                stream.Write(content);
                stream.Flush(flushToDisk: true);

                // Renamed while still open and locked: a start sweeping killed writes' temporary files skips locked
                // ones, and between a close and a rename this one would look killed.
                File.Move(temp, path, overwrite: true);
            }
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
