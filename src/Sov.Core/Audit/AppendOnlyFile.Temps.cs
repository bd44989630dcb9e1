using System.Text.RegularExpressions;

namespace Sov.Core.Audit;

internal sealed partial class AppendOnlyFile
{
    private static readonly TimeSpan MinimumAge = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Removes the temporary files of creations killed before their rename (<c>.NAME.8hex.tmp</c>, review of #13).
    /// A creation in progress holds its temporary file open (and so locked) until it is renamed; only unlocked
    /// ones, regular files of exactly that pattern, directly in <paramref name="folder"/>, not written to for a
    /// minute, are removed (a new file exists for a moment before its creator's lock is on it).
    /// </summary>
    internal static void RemoveStaleTemps(string folder)
    {
        try
        {
            var options = new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Directory, IgnoreInaccessible = true };
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles(".*.tmp", options))
            {
                if (TempPattern().IsMatch(file.Name) && file.LastWriteTimeUtc < DateTime.UtcNow - MinimumAge && !Files.FileLocks.IsHeld(file.FullName))
                {
                    TryDelete(file.FullName);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable or absent folder: the creation that follows says what is wrong.
        }
    }

    [GeneratedRegex(@"\A\..+\.[0-9a-f]{8}\.tmp\z", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex TempPattern();
}
