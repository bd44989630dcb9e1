namespace Sov.Core.Scan;

/// <summary>
/// The one line <c>sov scan</c> prints for a file or folder it could not read: what happened in words, never a
/// runtime resource key (a trimmed binary has no message texts, so <c>IO_FileNotFound_FileName</c> reached users).
/// </summary>
internal static class ScanProblem
{
    public static string Describe(string display, Exception e) =>
        $"{display}: {e switch
        {
            _ when display.Contains('\uFFFD', StringComparison.Ordinal) =>
                "skipped, its name is not valid UTF-8 (the agent's tools can read it; rename it to scan it)",
            FileNotFoundException or DirectoryNotFoundException => "skipped, it no longer exists",
            UnauthorizedAccessException => "skipped, permission denied",
            PathTooLongException => "skipped, the path is too long",
            _ when e.Message.Contains('_', StringComparison.Ordinal) && !e.Message.Contains(' ', StringComparison.Ordinal) =>
                $"skipped, it cannot be read ({e.GetType().Name})",
            _ => e.Message,
        }}";
}
