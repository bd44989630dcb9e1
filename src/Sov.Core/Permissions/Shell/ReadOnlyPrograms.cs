using System.Collections.Frozen;

namespace Sov.Core.Permissions.Shell;

/// <summary>
/// Whether allow rules may approve a segment (issue #11). A program in the read-only table is approvable
/// only when every option is one known to be read-only (<see cref="ReadOnlyTables"/>, <see cref="ReadOnlyGit"/>,
/// and the special readings of <c>find</c>, <c>sed</c> and <c>tar</c> here). Interpreters, shells, editors and
/// pagers are never approvable by rules. Any other program is approvable by a matching allow rule, as before.
/// </summary>
public static class ReadOnlyPrograms
{
    private static readonly FrozenSet<string> FindTests = Words(
        "-empty -executable -false -true -readable -writable -nogroup -nouser -print -print0 -prune -quit -ls -depth -mount "
        + "-xdev -noleaf -daystart -follow -ignore_readdir_race -noignore_readdir_race ( ) ! , -not -a -and -o -or");

    private static readonly FrozenSet<string> FindTestsWithValue = Words(
        "-name -iname -path -ipath -wholename -iwholename -regex -iregex -lname -ilname -type -xtype -size -perm -user -group "
        + "-uid -gid -links -inum -samefile -newer -anewer -cnewer -mtime -mmin -atime -amin -ctime -cmin -used -maxdepth "
        + "-mindepth -regextype -printf -fstype -context");

    private static readonly OptionTable Tar = OptionTable.Of(
        "tvzjJaZP", "fCbHKTXN",
        "--list --verbose --gzip --gunzip --bzip2 --xz --lzip --lzma --lzop --zstd --auto-compress --absolute-names --force-local "
        + "--numeric-owner --full-time --utc --show-transformed-names --no-wildcards --wildcards --ignore-case --anchored "
        + "--no-anchored --recursion --no-recursion --null --verbatim-files-from --ignore-zeros --exclude-vcs",
        "--file --directory --blocking-factor --format --exclude --exclude-from --files-from --starting-file --newer "
        + "--after-date --strip-components --record-size --quoting-style");

    /// <summary>True when no allow rule may ever approve <paramref name="program"/> (a file name, no folder).</summary>
    public static bool NeverApprovable(string program) =>
        Interpreters.Is(program) || ProgramChecks.CommandRunning.Contains(program) || ProgramChecks.Runners.Contains(program);

    /// <summary>Why allow rules may not approve this segment, or null when a matching allow rule may.</summary>
    public static string? WhyNot(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0)
        {
            return null;
        }

        var program = Path.GetFileName(words[0]);
        if (NeverApprovable(program))
        {
            return $"'{program}' runs code or commands of its own, so no allow rule approves it";
        }

        var args = words.Skip(1).ToList();
        if (ReadOnlyTables.Simple.TryGetValue(program, out var table))
        {
            return ReadOnlyTables.TakesAnyArguments(table) ? null : Simple(program, table, args);
        }

        return program switch
        {
            "git" => ReadOnlyGit.WhyNot(args),
            "find" => Find(args),
            "sed" => SedWhyNot(args),
            "tar" => TarWhyNot(args),
            _ => null,
        };
    }

    /// <summary>The reason for an option that is not in a program's read-only table.</summary>
    internal static string NotReadOnly(string program, string option) =>
        $"{program} option '{Shorten(option)}' is not one Sovereign knows to be read-only";

    private static string? Simple(string program, OptionTable table, List<string> args)
    {
        var parsed = OptionParser.Parse(table, args);
        if (parsed.Unknown is not null)
        {
            return NotReadOnly(program, parsed.Unknown);
        }

        // uniq INPUT OUTPUT writes OUTPUT.
        return program == "uniq" && parsed.Operands.Count > 1 ? "uniq with two operands writes the second" : null;
    }

    private static string? Find(List<string> args)
    {
        var k = 0;
        while (k < args.Count && args[k] is "-H" or "-L" or "-P")
        {
            k++;
        }

        while (k < args.Count && !args[k].StartsWith('-') && args[k] is not ("(" or "!" or ")"))
        {
            k++;
        }

        for (; k < args.Count; k++)
        {
            if (FindTestsWithValue.Contains(args[k]) || IsNewerXY(args[k]))
            {
                k++;
            }
            else if (!FindTests.Contains(args[k]))
            {
                return NotReadOnly("find", args[k]);
            }
        }

        return null;
    }

    private static bool IsNewerXY(string a) =>
        a.Length == 8 && a.StartsWith("-newer", StringComparison.Ordinal) && "amcB".Contains(a[6], StringComparison.Ordinal)
        && "amctB".Contains(a[7], StringComparison.Ordinal);

    private static string? SedWhyNot(List<string> args)
    {
        var parsed = OptionParser.Parse(SedOptions.ReadOnly, args);
        if (parsed.Unknown is not null)
        {
            return NotReadOnly("sed", parsed.Unknown);
        }

        return SedOptions.Scripts(parsed).Any(SedScript.RunsOrWrites) ? "sed script uses e, w or W (runs a command or writes a file)" : null;
    }

    private static string? TarWhyNot(List<string> args)
    {
        var parsed = OptionParser.Parse(Tar, OldStyleTar(args));
        if (parsed.Unknown is not null)
        {
            return NotReadOnly("tar", parsed.Unknown);
        }

        if (!parsed.Has("-t", "--list"))
        {
            return "tar is approvable by rules only for listing (-t)";
        }

        // tar -f host:file runs a remote shell unless --force-local.
        return !parsed.Has("--force-local") && parsed.ValuesOf("-f", "--file").Any(f => f.Contains(':', StringComparison.Ordinal))
            ? "tar -f HOST:FILE runs a remote shell" : null;
    }

    /// <summary>Old-style <c>tar tvf a.tar</c>: the first word's letters are options, each taking its argument from the words after, in order.</summary>
    private static List<string> OldStyleTar(List<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith('-') || !args[0].All(char.IsAsciiLetter))
        {
            return args;
        }

        var result = new List<string>();
        var next = 1;
        foreach (var letter in args[0])
        {
            result.Add("-" + letter);
            if (Tar.Shorts.TryGetValue(letter, out var arity) && arity == Arity.Required && next < args.Count)
            {
                result.Add(args[next++]);
            }
        }

        result.AddRange(args.Skip(next));
        return result;
    }

    private static FrozenSet<string> Words(string list) => list.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
