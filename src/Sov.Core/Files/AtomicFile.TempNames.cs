using System.Text.RegularExpressions;

namespace Sov.Core.Files;

/// <summary>
/// The names of Sovereign's own temporary files: <c>.NAME.sov-&lt;32 hex&gt;.tmp</c> (atomic writes) and
/// <c>.NAME.sov-fix-&lt;32 hex&gt;</c> (<c>sov scan --fix</c>). A write killed half-way leaves one behind; the
/// next start removes those in the folders it recorded writing to, matching this exact pattern only (#13.7).
/// </summary>
public static partial class AtomicFile
{
    /// <summary>The temporary name an atomic write of <paramref name="fileName"/> uses.</summary>
    public static string TempName(string fileName) => $".{fileName}.sov-{Guid.NewGuid():n}.tmp";

    /// <summary>True for a name only Sovereign's own writes make (never a person's file).</summary>
    public static bool IsTempName(string fileName) => fileName is not null && TempPattern().IsMatch(fileName);

    [GeneratedRegex(@"\A\..+\.sov-(?:[0-9a-f]{32}\.tmp|fix-[0-9a-f]{32})\z", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex TempPattern();
}
