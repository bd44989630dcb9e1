using System.Collections.Frozen;

namespace Sov.Core.Permissions.Shell;

/// <summary>
/// The read-only options of the git subcommands rules may approve. Left out on purpose: <c>--output</c>
/// (writes a file), <c>--ext-diff</c>, <c>--textconv</c>, <c>--show-signature</c> and <c>--filters</c> (run
/// programs), <c>grep -O/--open-files-in-pager</c> (runs a pager command), and every subcommand not listed.
/// </summary>
internal static class ReadOnlyGitTables
{
    private static readonly OptionTable Diff = OptionTable.Of(
        "psuzRaWbwDmct", "SGOIlU",
        "--patch --no-patch --raw --patch-with-raw --patch-with-stat --compact-summary --numstat --shortstat --summary "
        + "--name-only --name-status --check --full-index --binary --text --ignore-cr-at-eol --ignore-space-at-eol "
        + "--ignore-space-change --ignore-all-space --ignore-blank-lines --minimal --patience --histogram --no-renames "
        + "--rename-empty --no-rename-empty --function-context --exit-code --quiet --no-ext-diff --no-textconv --no-color "
        + "--no-prefix --default-prefix --pickaxe-all --pickaxe-regex --find-copies-harder --irreversible-delete "
        + "--no-color-moved --no-color-moved-ws --ita-invisible-in-index --ita-visible-in-index --indent-heuristic "
        + "--no-indent-heuristic --no-relative --cumulative --full-diff --cc --combined-all-paths",
        "--stat-width --stat-name-width --stat-graph-width --stat-count --diff-algorithm --unified --inter-hunk-context "
        + "--src-prefix --dst-prefix --line-prefix --diff-filter --word-diff-regex --output-indicator-new "
        + "--output-indicator-old --output-indicator-context --orderfile --rotate-to --skip-to --anchored "
        + "--ignore-matching-lines --color-moved-ws --diff-merges",
        "-M -C -B -X --stat --dirstat --dirstat-by-file --color --word-diff --color-words --abbrev --relative --submodule "
        + "--ignore-submodules --find-renames --find-copies --break-rewrites --color-moved");

    private static readonly OptionTable Revisions = OptionTable.Of(
        "iEFPg", "nL",
        "--oneline --graph --all --merges --no-merges --first-parent --reverse --abbrev-commit --no-abbrev-commit --follow "
        + "--topo-order --date-order --author-date-order --left-right --cherry-pick --cherry-mark --cherry --boundary "
        + "--simplify-by-decoration --full-history --dense --sparse --simplify-merges --ancestry-path --walk-reflogs "
        + "--do-walk --parents --children --relative-date --log-size --source --use-mailmap --mailmap --no-use-mailmap "
        + "--no-mailmap --no-notes --no-expand-tabs --all-match --invert-grep --regexp-ignore-case --basic-regexp "
        + "--extended-regexp --fixed-strings --perl-regexp --remove-empty --no-decorate --clear-decorations --reflog "
        + "--count --show-pulls --not --left-only --right-only --single-worktree --in-commit-order --no-min-parents "
        + "--no-max-parents --objects --no-graph",
        "--max-count --skip --since --after --until --before --author --committer --grep --grep-reflog --date --format "
        + "--encoding --max-age --min-age --max-parents --min-parents --exclude --glob --since-as-filter --decorate-refs "
        + "--decorate-refs-exclude",
        "--decorate --branches --tags --remotes --pretty --no-walk --expand-tabs --show-linear-break --notes", numeric: true);

    private static readonly OptionTable Log = Revisions.With(Diff);

    private static readonly OptionTable Listing = OptionTable.Of(
        "", "", "--no-column --ignore-case --omit-empty --list",
        "--contains --no-contains --merged --no-merged --points-at --sort --format", "--color --column");

    public static readonly FrozenDictionary<string, OptionTable> Subcommands = new Dictionary<string, OptionTable>(StringComparer.Ordinal)
    {
        ["log"] = Log,
        ["show"] = Log,
        ["rev-list"] = Log,
        ["diff"] = Diff.With(OptionTable.Of("", "", "--cached --staged --merge-base --no-index")),
        ["shortlog"] = Log.With(OptionTable.Of("nsec", "", "--numbered --summary --email --committer", "--group", "-w")),
        ["grep"] = OptionTable.Of(
            "nivcwlLhHEFGPzaIoWpqr", "efABCm",
            "--cached --untracked --no-index --index --no-exclude-standard --exclude-standard --recurse-submodules --text "
            + "--ignore-case --word-regexp --invert-match --full-name --extended-regexp --basic-regexp --fixed-strings "
            + "--perl-regexp --line-number --column --files-with-matches --name-only --files-without-match --null "
            + "--only-matching --count --no-color --break --heading --show-function --function-context --and --or --not "
            + "--all-match --quiet --recursive --no-recursive --no-textconv",
            "--max-depth --threads --context --before-context --after-context --max-count", "--color", numeric: true),
        ["status"] = OptionTable.Of(
            "sbvz", "", "--short --branch --long --verbose --show-stash --ahead-behind --no-ahead-behind --renames --no-renames --no-column",
            "", "-u --porcelain --untracked-files --ignored --ignore-submodules --column --find-renames"),
        ["branch"] = Listing.With(OptionTable.Of("lravi", "", "--all --remotes --verbose --show-current --no-color", "", "--abbrev")),
        ["tag"] = Listing.With(OptionTable.Of("li", "", "", "", "-n")),
        ["rev-parse"] = OptionTable.Of(
            "q", "",
            "--show-toplevel --verify --git-dir --is-inside-work-tree --is-inside-git-dir --show-prefix --show-cdup --symbolic "
            + "--symbolic-full-name --quiet --absolute-git-dir --git-common-dir --is-bare-repository --is-shallow-repository "
            + "--all --show-superproject-working-tree --revs-only --no-revs --flags --no-flags",
            "--default --prefix --since --until --after --before --git-path",
            "--abbrev-ref --short --branches --tags --remotes --show-object-format"),
        ["ls-files"] = OptionTable.Of(
            "cdmoiskuzvtf", "xX",
            "--cached --deleted --modified --others --ignored --stage --killed --unmerged --directory --no-empty-directory "
            + "--error-unmatch --full-name --recurse-submodules --exclude-standard --deduplicate --sparse --resolve-undo --debug --eol",
            "--exclude --exclude-from --exclude-per-directory --with-tree --format", "--abbrev"),
        ["ls-tree"] = OptionTable.Of("rdtlz", "", "--long --name-only --name-status --object-only --full-name --full-tree", "--format", "--abbrev"),
        ["blame"] = OptionTable.Of(
            "ltsbcfnpew", "LS",
            "--root --show-stats --show-name --show-number --show-email --porcelain --line-porcelain --incremental --reverse "
            + "--first-parent --progress --no-progress --color-lines --color-by-age --minimal",
            "--date --encoding --contents --ignore-rev --ignore-revs-file --since", "--abbrev -M -C"),
        ["describe"] = OptionTable.Of(
            "", "", "--tags --all --always --long --contains --exact-match --first-parent --debug",
            "--match --exclude --candidates", "--abbrev --dirty --broken"),
        ["cat-file"] = OptionTable.Of("tspe", "", "--allow-unknown-type --follow-symlinks --buffer --unordered --batch-all-objects", "", "--batch --batch-check"),
        ["merge-base"] = OptionTable.Of("a", "", "--all --octopus --independent --is-ancestor --fork-point"),
        ["show-ref"] = OptionTable.Of("dsq", "", "--head --heads --tags --branches --dereference --verify --quiet --exists", "", "--hash --abbrev"),
        ["count-objects"] = OptionTable.Of("vH", "", "--verbose --human-readable"),
        ["version"] = OptionTable.Of("", "", "--build-options"),
        ["remote"] = OptionTable.Of("v", "", "--verbose"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Options git itself takes before the subcommand that change nothing and run nothing.</summary>
    public static readonly FrozenSet<string> SafeGlobals = new[]
    {
        "--no-pager", "-P", "--no-replace-objects", "--literal-pathspecs", "--glob-pathspecs", "--noglob-pathspecs",
        "--icase-pathspecs", "--no-optional-locks", "--no-advice", "--version",
    }.ToFrozenSet(StringComparer.Ordinal);
}
