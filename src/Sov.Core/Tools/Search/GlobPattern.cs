using System.Text;
using System.Text.RegularExpressions;

namespace Sov.Core.Tools.Search;

/// <summary>
/// A glob over '/'-separated relative paths: <c>*</c> and <c>?</c> stay within one component,
/// <c>**</c> spans components, <c>[abc]</c> is a class, <c>{a,b}</c> alternatives.
/// </summary>
public sealed class GlobPattern
{
    private readonly Regex _regex;

    public GlobPattern(string pattern, bool matchBasenameWhenNoSlash = false)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        var body = ToRegex(pattern.TrimStart('/'));
        var anchored = matchBasenameWhenNoSlash && !pattern.Contains('/', StringComparison.Ordinal)
            ? "^(?:.*/)?" + body + "$"
            : "^" + body + "$";
        _regex = new Regex(anchored, RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    public string Pattern { get; }

    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);

    internal static string ToRegex(string glob)
    {
        var sb = new StringBuilder();
        var inBraces = 0;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    i++;
                    if (i + 1 < glob.Length && glob[i + 1] == '/')
                    {
                        i++;
                        sb.Append("(?:.*/)?");
                    }
                    else
                    {
                        sb.Append(".*");
                    }

                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    var close = glob.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        sb.Append(@"\[");
                        break;
                    }

                    var set = glob[(i + 1)..close].Replace(@"\", @"\\", StringComparison.Ordinal);
                    if (set.StartsWith('!'))
                    {
                        set = "^" + set[1..];
                    }

                    sb.Append('[').Append(set).Append(']');
                    i = close;
                    break;
                case '{':
                    inBraces++;
                    sb.Append("(?:");
                    break;
                case '}' when inBraces > 0:
                    inBraces--;
                    sb.Append(')');
                    break;
                case ',' when inBraces > 0:
                    sb.Append('|');
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        for (; inBraces > 0; inBraces--)
        {
            sb.Append(')');
        }

        return sb.ToString();
    }
}
