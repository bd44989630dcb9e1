using Sov.Core.Text;

namespace Sov.Cli.Scan;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…,col=…,title=…::message</c>): a property value escapes
/// <c>%</c>, CR, LF, <c>:</c> and <c>,</c>; the message escapes <c>%</c>, CR and LF. Hidden characters are revealed
/// first, so the log shows them as markers and none reaches a terminal raw.
/// </summary>
internal static class GitHubAnnotations
{
    public static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "notice",
    };

    public static string Data(string text) =>
        TextBorder.Reveal(text).Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    public static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    public static string Path(string path)
    {
        var p = path.Replace('\\', '/');
        return Property(p.StartsWith("./", StringComparison.Ordinal) ? p[2..] : p);
    }
}
