using System.Text;

namespace Sov.Cli.Commands.Completions;

/// <summary>
/// The parts bash's and zsh's scripts share (both read <c>case</c> patterns written as <c>(a|b)</c>): the walk that
/// finds the command typed so far into <c>$cmd</c>, and the cases for an option whose value is being typed.
/// </summary>
internal static class PosixCases
{
    /// <summary>The loop over the words before the cursor; <paramref name="loop"/> opens it and sets <c>word</c>.</summary>
    public static void AppendWalk(StringBuilder s, IReadOnlyList<CommandNode> nodes, string loop)
    {
        s.Append(loop);
        s.Append("        case \"$cmd $word\" in\n");
        var paths = nodes.Skip(1).Select(n => ShellWord.Posix(n.Path)).ToList();
        if (paths.Count > 0)
        {
            s.Append("            (").Append(string.Join('|', paths)).Append(") cmd=\"$cmd $word\" ;;\n");
        }

        s.Append("        esac\n");
        s.Append("    done\n");
    }

    /// <summary>One case per option that takes a value, matched on "$cmd|$prev"; <paramref name="action"/> completes it.</summary>
    public static void AppendValueCases(StringBuilder s, IReadOnlyList<CommandNode> nodes, Func<OptionNode, string> action)
    {
        s.Append("    case \"$cmd|$prev\" in\n");
        foreach (var node in nodes)
        {
            foreach (var option in node.Options.Where(o => o.TakesValue))
            {
                var patterns = string.Join('|', option.Names.Select(n => ShellWord.Posix($"{node.Path}|{n}")));
                s.Append("        (").Append(patterns).Append(") ").Append(action(option)).Append(" ;;\n");
            }
        }

        s.Append("    esac\n");
    }
}
