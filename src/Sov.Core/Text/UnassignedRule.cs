namespace Sov.Core.Text;

/// <summary>Code points Unicode has not assigned: noncharacters, default-ignorable ones that render as nothing, and probable newer emoji.</summary>
internal static class UnassignedRule
{
    public static int Check(ref ScanCursor c, int p, int length, int cp, byte flags)
    {
        if (CodePoints.IsNoncharacter(cp))
        {
            c.Add(p, length, cp, TextCategory.Unassigned, Severity.Medium, "noncharacter",
                $"{CodePoints.Format(cp)} is a noncharacter and never belongs in interchanged text", FixAction.Remove);
        }
        else if ((flags & UnicodeData.DefaultIgnorable) != 0)
        {
            c.Add(p, length, cp, TextCategory.Unassigned, Severity.Medium, "unassigned-ignorable",
                $"{CodePoints.Format(cp)} is unassigned in Unicode {UnicodeData.UnicodeVersion} and default-ignorable: it renders as nothing",
                FixAction.Remove);
        }
        else if (cp is >= 0x1F000 and <= 0x1FAFF)
        {
            c.Add(p, length, cp, TextCategory.Unassigned, Severity.Info, "unassigned-emoji-block",
                $"{CodePoints.Format(cp)} is unassigned in Unicode {UnicodeData.UnicodeVersion} (probably a newer emoji)", FixAction.None);
        }
        else
        {
            c.Add(p, length, cp, TextCategory.Unassigned, Severity.Low, "unassigned",
                $"{CodePoints.Format(cp)} is unassigned in Unicode {UnicodeData.UnicodeVersion}", FixAction.None);
        }

        return p + length;
    }
}
