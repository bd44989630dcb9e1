namespace Sov.Core.Scan;

/// <summary>
/// The one line <c>sov scan</c> prints for a file or folder it could not read: what happened in words, never a
/// runtime resource key (a trimmed binary has no message texts, so <c>IO_FileNotFound_FileName</c> reached users).
/// </summary>
internal static class ScanProblem
{
    public static string NotUtf8(string display) =>
        $"{display}: skipped, its name is not valid UTF-8 (the agent's tools can read it; rename it to scan it)";

    public static string Describe(string display, Exception e) =>
        $"{display}: {e switch
        {
            FileNotFoundException or DirectoryNotFoundException => "skipped, it no longer exists",
            UnauthorizedAccessException => "skipped, permission denied",
            PathTooLongException => "skipped, the path is too long",
            _ when e.Message.Contains('_', StringComparison.Ordinal) && !e.Message.Contains(' ', StringComparison.Ordinal) =>
                $"skipped, it cannot be read ({e.GetType().Name})",
            _ when BorderReason(e.Message) is { } reason => reason,
            _ => e.Message,
        }}";

    /// <summary>The file border says "PATH: reason" (the system's words); the scan names the path itself.</summary>
    private static string? BorderReason(string message)
    {
        var colon = message.LastIndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? null : message[(colon + 2)..] switch
        {
            "Permission denied" => "skipped, permission denied",
            "No such file or directory" => "skipped, it no longer exists",
            "File name too long" => "skipped, the path is too long",
            _ => null,
        };
    }
}
