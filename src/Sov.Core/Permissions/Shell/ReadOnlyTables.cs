using System.Collections.Frozen;

namespace Sov.Core.Permissions.Shell;

/// <summary>
/// For each ordinary program rules may approve, the options known to be read-only (they neither write
/// files nor run programs). Options left out on purpose: <c>sort -o/--output/--compress-program/-T</c>,
/// <c>diff -l/--paginate</c>, <c>rg --pre/--hostname-bin/-z</c>, <c>fd -x/-X</c>, <c>tree -o/-R</c>,
/// <c>file -C</c>, <c>uniq</c>'s second operand (checked in <see cref="ReadOnlyPrograms"/>).
/// </summary>
internal static class ReadOnlyTables
{
    private static readonly OptionTable Grep = OptionTable.Of(
        "EFGPiywxvcLlHhnbsqoaIrRTUzZ", "efmABCdD",
        "--extended-regexp --fixed-strings --basic-regexp --perl-regexp --ignore-case --no-ignore-case --word-regexp --line-regexp "
        + "--null-data --no-messages --invert-match --byte-offset --line-number --no-line-number --line-buffered --with-filename "
        + "--no-filename --quiet --silent --recursive --dereference-recursive --files-without-match --files-with-matches --count "
        + "--initial-tab --null --only-matching --text --binary",
        "--regexp --file --max-count --after-context --before-context --context --label --binary-files --directories --devices "
        + "--include --exclude --exclude-from --exclude-dir",
        "--color --colour", numeric: true);

    private static readonly OptionTable Checksum = OptionTable.Of(
        "bctwz", "", "--binary --check --tag --text --zero --ignore-missing --quiet --status --strict --warn");

    private static readonly OptionTable AnyArguments = OptionTable.Of("");

    public static readonly FrozenDictionary<string, OptionTable> Simple = new Dictionary<string, OptionTable>(StringComparer.Ordinal)
    {
        ["ls"] = OptionTable.Of(
            "aAbBcCdDfFgGhHiklLmnNopqQrRsStuUvxXZ1", "IwT",
            "--all --almost-all --author --escape --directory --dired --file-type --full-time --no-group --human-readable --si "
            + "--dereference-command-line --dereference-command-line-symlink-to-dir --inode --kibibytes --dereference "
            + "--numeric-uid-gid --literal --hide-control-chars --show-control-chars --quote-name --reverse --recursive --size "
            + "--group-directories-first --context --zero",
            "--block-size --format --hide --ignore --quoting-style --sort --tabsize --time --time-style --width --indicator-style",
            "--color --colour --hyperlink --classify"),
        ["cat"] = OptionTable.Of("AbeEnstTuv", "", "--show-all --number-nonblank --show-ends --number --squeeze-blank --show-tabs --show-nonprinting"),
        ["head"] = OptionTable.Of("qvz", "cn", "--quiet --silent --verbose --zero-terminated", "--bytes --lines", numeric: true),
        ["tail"] = OptionTable.Of(
            "fFqvz", "cns", "--retry --quiet --silent --verbose --zero-terminated",
            "--bytes --lines --pid --sleep-interval --max-unchanged-stats", "--follow", numeric: true),
        ["wc"] = OptionTable.Of("clmwL", "", "--bytes --chars --lines --words --max-line-length", "--files0-from", "--total"),
        ["grep"] = Grep,
        ["egrep"] = Grep,
        ["fgrep"] = Grep,
        ["rg"] = OptionTable.Of(
            "abcFHhiIlLnNopPqsSuUvwx0.", "ABCefgtTmMjErd",
            "--hidden --no-ignore --no-ignore-vcs --no-ignore-parent --no-ignore-dot --ignore-case --smart-case --case-sensitive "
            + "--fixed-strings --word-regexp --line-regexp --invert-match --count --count-matches --files --files-with-matches "
            + "--files-without-match --line-number --no-line-number --no-heading --heading --with-filename --no-filename "
            + "--only-matching --json --vimgrep --pretty --stats --quiet --multiline --multiline-dotall --follow --column "
            + "--no-messages --null --text --trim --sort-files --byte-offset --unrestricted --pcre2 --crlf --no-config "
            + "--glob-case-insensitive --passthru --type-list --debug --max-columns-preview --binary --no-unicode",
            "--regexp --file --glob --iglob --type --type-not --max-count --max-depth --max-columns --max-filesize --threads "
            + "--encoding --replace --after-context --before-context --context --sort --sortr --context-separator "
            + "--field-match-separator --path-separator --colors --color --ignore-file --engine"),
        ["fd"] = FdTable(),
        ["fdfind"] = FdTable(),
        ["sort"] = OptionTable.Of(
            "bdfgiMhnRrVcCmsuz", "kSt",
            "--ignore-leading-blanks --dictionary-order --ignore-case --general-numeric-sort --ignore-nonprinting --month-sort "
            + "--human-numeric-sort --numeric-sort --random-sort --reverse --version-sort --merge --stable --unique "
            + "--zero-terminated --debug",
            "--key --buffer-size --field-separator --parallel --sort --random-source --files0-from", "--check"),
        ["uniq"] = OptionTable.Of(
            "cdDiuz", "fsw", "--count --repeated --ignore-case --unique --zero-terminated",
            "--skip-fields --skip-chars --check-chars", "--all-repeated --group"),
        ["cut"] = OptionTable.Of("nsz", "bcdf", "--complement --only-delimited --zero-terminated", "--bytes --characters --delimiter --fields --output-delimiter"),
        ["tr"] = OptionTable.Of("cCdst", "", "--complement --delete --squeeze-repeats --truncate-set1"),
        ["diff"] = OptionTable.Of(
            "abBcdeEfhiNnpPqrstTuwyZ", "CFUWxXISD",
            "--brief --report-identical-files --normal --side-by-side --left-column --suppress-common-lines --expand-tabs "
            + "--initial-tab --suppress-blank-empty --recursive --new-file --unidirectional-new-file --text --strip-trailing-cr "
            + "--ignore-case --ignore-tab-expansion --ignore-trailing-space --ignore-space-change --ignore-all-space "
            + "--ignore-blank-lines --minimal --speed-large-files --no-dereference --show-c-function --ignore-file-name-case "
            + "--no-ignore-file-name-case",
            "--ifdef --label --width --tabsize --exclude --exclude-from --starting-file --from-file --to-file "
            + "--ignore-matching-lines --show-function-line --line-format --old-line-format --new-line-format "
            + "--unchanged-line-format --old-group-format --new-group-format --changed-group-format --unchanged-group-format "
            + "--horizon-lines",
            "--color --unified --context"),
        ["cmp"] = OptionTable.Of("bls", "in", "--print-bytes --verbose --quiet --silent", "--ignore-initial --bytes"),
        ["comm"] = OptionTable.Of("123z", "", "--check-order --nocheck-order --total --zero-terminated", "--output-delimiter"),
        ["nl"] = OptionTable.Of("p", "bdfhilnsvw"),
        ["stat"] = OptionTable.Of("LftZ", "c", "--dereference --file-system --terse", "--format --printf --cached"),
        ["file"] = OptionTable.Of(
            "bcEhiLkNnprsSvz0", "emfFP",
            "--brief --mime --mime-type --mime-encoding --no-pad --dereference --no-dereference --keep-going --raw "
            + "--special-files --uncompress --no-buffer --print0",
            "--exclude --files-from --separator --magic-file --parameter"),
        ["echo"] = AnyArguments,
        ["printf"] = AnyArguments,
        ["pwd"] = OptionTable.Of("LP"),
        ["true"] = AnyArguments,
        ["false"] = AnyArguments,
        ["which"] = OptionTable.Of("as", "", "--all"),
        ["basename"] = OptionTable.Of("az", "s", "--multiple --zero", "--suffix"),
        ["dirname"] = OptionTable.Of("z", "", "--zero"),
        ["realpath"] = OptionTable.Of(
            "eLmPqsz", "", "--canonicalize-existing --canonicalize-missing --logical --physical --quiet --strip --no-symlinks --zero",
            "--relative-to --relative-base"),
        ["readlink"] = OptionTable.Of(
            "femnqsvz", "", "--canonicalize --canonicalize-existing --canonicalize-missing --no-newline --quiet --silent --verbose --zero"),
        ["tree"] = OptionTable.Of(
            "adlfxpsughDFqNQrtvcUSnCAJXi", "LPI",
            "--noreport --dirsfirst --filesfirst --prune --du --si --inodes --device --gitignore --matchdirs --ignore-case",
            "--charset --filelimit --timefmt --sort"),
        ["du"] = OptionTable.Of(
            "0abcDhHkLlmPsSx", "dBtX",
            "--all --apparent-size --bytes --total --dereference-args --human-readable --inodes --dereference --count-links "
            + "--no-dereference --separate-dirs --si --summarize --one-file-system --null",
            "--max-depth --block-size --threshold --exclude --exclude-from --time-style --files0-from", "--time"),
        ["df"] = OptionTable.Of(
            "ahHiklPT", "Btx", "--all --human-readable --si --inodes --local --portability --print-type --total --no-sync --sync",
            "--block-size --type --exclude-type", "--output"),
        ["md5sum"] = Checksum,
        ["sha1sum"] = Checksum,
        ["sha256sum"] = Checksum,
        ["sha512sum"] = Checksum,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Programs whose every argument is printed, never read as an option that acts.</summary>
    public static bool TakesAnyArguments(OptionTable table) => ReferenceEquals(table, AnyArguments);

    private static OptionTable FdTable() => OptionTable.Of(
        "HIusiglLFap01q", "dDeEtcjSo",
        "--hidden --no-ignore --no-ignore-vcs --unrestricted --case-sensitive --ignore-case --glob --regex --fixed-strings "
        + "--absolute-path --list-details --follow --full-path --print0 --quiet --show-errors --prune",
        "--max-depth --min-depth --exact-depth --extension --exclude --type --color --threads --size --changed-within "
        + "--changed-before --owner --max-results --ignore-file --search-path --base-directory");
}
