namespace Sov.Core.Watch;

/// <summary>
/// One completed system call from an <c>strace -f -yy -xx</c> log: the process, the call's name, its
/// argument text (strings hex-escaped), and the result text after <c>=</c> (a number, optionally followed
/// by a decoration such as <c>&lt;/etc/hostname&gt;</c> or an error name).
/// </summary>
public sealed record StraceRecord(int Pid, string Call, string Args, string Result)
{
    /// <summary>The numeric result (-1 on error), or null when strace printed <c>?</c>.</summary>
    public long? ReturnValue
    {
        get
        {
            var end = 0;
            while (end < Result.Length && (char.IsAsciiDigit(Result[end]) || (end == 0 && Result[end] == '-')))
            {
                end++;
            }

            return long.TryParse(Result.AsSpan(0, end), System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
        }
    }

    /// <summary>True when the call succeeded (a result of zero or more).</summary>
    public bool Succeeded => ReturnValue is >= 0;

    /// <summary>The error name when the call failed (<c>ENOENT</c>), else empty.</summary>
    public string Error
    {
        get
        {
            if (Succeeded)
            {
                return string.Empty;
            }

            var parts = Result.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            return parts.Length > 1 && parts[1].StartsWith('E') ? parts[1] : string.Empty;
        }
    }
}
