using System.Text;

namespace Sov.Core.Watch;

/// <summary>
/// The arguments of an <c>execve</c> as strace prints them with <c>-v -xx</c>:
/// <c>"path", ["argv0", "argv1"], ["NAME=value", ...]</c>. Without <c>-v</c> the environment is a count
/// and <see cref="EnvironmentNames"/> is empty. <see cref="Home"/> is the one value kept: where home-relative
/// secrets (<c>~/.ssh</c>) are for this command.
/// </summary>
public sealed record ExecCall(string Program, IReadOnlyList<string> Arguments, IReadOnlyList<string> EnvironmentNames, string? Home)
{
    public static ExecCall? Parse(StraceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var args = record.Args;
        if (record.Call == "execveat")
        {
            var comma = args.IndexOf(", ", StringComparison.Ordinal);
            args = comma < 0 ? args : args[(comma + 2)..];
        }

        var program = StraceText.FirstString(args);
        if (program is null)
        {
            return null;
        }

        var groups = Groups(args);
        var argv = groups.Count > 0 ? StraceText.Strings(groups[0]).Select(b => Encoding.UTF8.GetString(b)).ToList() : [];
        var names = new List<string>();
        string? home = null;
        if (groups.Count > 1)
        {
            foreach (var entry in StraceText.Strings(groups[1]))
            {
                var text = Encoding.UTF8.GetString(entry);
                var equals = text.IndexOf('=', StringComparison.Ordinal);
                names.Add(equals < 0 ? text : text[..equals]);
                if (text.StartsWith("HOME=/", StringComparison.Ordinal))
                {
                    home = text[5..];
                }
            }
        }

        return new ExecCall(program, argv, names, home);
    }

    /// <summary>The top-level <c>[...]</c> groups (quoted strings are hex-escaped, so hold no brackets).</summary>
    private static List<string> Groups(string args)
    {
        var groups = new List<string>();
        var inString = false;
        var start = -1;
        for (var i = 0; i < args.Length; i++)
        {
            var c = args[i];
            if (c == '\\' && inString)
            {
                i++;
            }
            else if (c == '"')
            {
                inString = !inString;
            }
            else if (!inString && c == '[' && start < 0)
            {
                start = i;
            }
            else if (!inString && c == ']' && start >= 0)
            {
                groups.Add(args[(start + 1)..i]);
                start = -1;
            }
        }

        return groups;
    }
}
