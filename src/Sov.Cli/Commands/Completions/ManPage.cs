using System.Text;
using Sov.Core;

namespace Sov.Cli.Commands.Completions;

/// <summary>
/// sov(1) in roff, from the same command tree as the completions (installed gzipped as
/// /usr/share/man/man1/sov.1.gz): every command with its arguments and options, then the exit codes, files and
/// variables. No date in it, so two builds of one commit give the same page.
/// </summary>
internal static class ManPage
{
    public static string Generate(CommandNode root, string version, string policyPath)
    {
        ArgumentNullException.ThrowIfNull(root);
        var s = new StringBuilder();
        s.Append(".TH SOV 1 \"\" ").Append(Quoted("sov " + version)).Append(" \"User Commands\"\n");
        s.Append(".SH NAME\nsov \\- ").Append(Text(root.Description)).Append('\n');
        s.Append(".SH SYNOPSIS\n.B sov\n[\\fIoptions\\fR] [\\fIprompt\\fR]\n.br\n.B sov\n\\fIcommand\\fR [\\fIoptions\\fR] [\\fIarguments\\fR]\n");
        s.Append(".SH DESCRIPTION\n");
        s.Append("Without a command, \\fBsov\\fR starts an interactive session in the current folder. ");
        s.Append("Every request goes only to the model endpoint you name; shell commands run in a bubblewrap sandbox; ");
        s.Append("every session is journaled. Run \\fBsov \\fIcommand\\fB \\-\\-help\\fR for the details of one command.\n");
        s.Append(".SH OPTIONS\n");
        AppendOptions(s, root.Options);
        s.Append(".SH COMMANDS\n");
        foreach (var node in root.SelfAndDescendants().Skip(1))
        {
            s.Append(".SS ").Append(Quoted(node.Path + string.Concat(node.Arguments.Select(a => $" <{a}>")))).Append('\n');
            s.Append(Text(node.Description)).Append('\n');
            var own = node.Options.Where(o => !o.Inherited).ToList();
            if (own.Count > 0)
            {
                s.Append(".RS\n");
                AppendOptions(s, own);
                s.Append(".RE\n");
            }
        }

        s.Append(".SH EXIT STATUS\n");
        AppendTerm(s, ExitCodes.Ok.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok");
        AppendTerm(s, "1", "the task failed, or findings at or above the threshold were reported");
        AppendTerm(s, "2", "usage error (unknown option, bad value)");
        AppendTerm(s, "3", "environment or configuration error: endpoint unreachable, sandbox missing, bad config, a managed policy that cannot be trusted, disk full");
        AppendTerm(s, "130", "interrupted");
        s.Append(".SH FILES\n");
        AppendTerm(s, policyPath, "The managed policy: a root-owned file an administrator deploys; user config and flags cannot loosen it. A file writable by others, or unreadable, makes every command exit 3.");
        AppendTerm(s, policyPath + ".example", "A commented example policy shipped with the package; it is never read. Copy it to " + policyPath + " and uncomment what you want pinned.");
        AppendTerm(s, "$XDG_CONFIG_HOME/sov/config.toml", "Your configuration (~/.config/sov/config.toml by default).");
        AppendTerm(s, "$XDG_STATE_HOME/sov/", "Sessions, the journal and history (~/.local/state/sov by default).");
        AppendTerm(s, ".sov/config.toml", "The project's configuration, in the workspace.");
        AppendTerm(s, "/usr/share/doc/sov/sbom.cdx.json", "The CycloneDX SBOM of this build; its SHA-256 is printed by sov version --json.");
        s.Append(".SH ENVIRONMENT\n");
        AppendTerm(s, "SOV_HOME", "Keep all of Sovereign's files under this folder instead of the XDG folders.");
        AppendTerm(s, "SOV_ENDPOINT, SOV_MODEL, SOV_PROFILE", "The model endpoint, model and profile (flags win over these, the managed policy over both).");
        AppendTerm(s, "XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_CACHE_HOME", "Where Sovereign's files go without SOV_HOME.");
        s.Append(".SH SEE ALSO\n.BR bwrap (1)\n");
        return s.ToString();
    }

    private static void AppendOptions(StringBuilder s, IEnumerable<OptionNode> options)
    {
        foreach (var option in options)
        {
            var names = string.Join(", ", option.Names.Select(n => "\\fB" + Text(n) + "\\fR"));
            var value = !option.TakesValue ? ""
                : option.Values.Count > 0 ? " \\fI" + Text(string.Join("|", option.Values)) + "\\fR"
                : " \\fI" + Text(option.ValueName) + "\\fR";
            s.Append(".TP\n").Append(names).Append(value).Append('\n').Append(Text(option.Description)).Append('\n');
        }
    }

    private static void AppendTerm(StringBuilder s, string term, string description) =>
        s.Append(".TP\n.B ").Append(Text(term)).Append('\n').Append(Text(description)).Append('\n');

    private static string Quoted(string text) => "\"" + Text(text).Replace("\"", "\\(dq", StringComparison.Ordinal) + "\"";

    /// <summary>Roff-safe text: backslashes and hyphens escaped, a leading dot or quote neutralised.</summary>
    private static string Text(string text)
    {
        var escaped = text.Replace("\\", "\\e", StringComparison.Ordinal).Replace("-", "\\-", StringComparison.Ordinal);
        return escaped.StartsWith('.') || escaped.StartsWith('\'') ? "\\&" + escaped : escaped;
    }
}
