namespace Sov.Core.Text;

/// <summary>
/// #21: hidden characters spread over a text. One stray variation selector or zero-width character is a paste
/// artefact; a handful of them, one after each of several words, is a message (GlassWorm hides a byte per variation
/// selector; zero-width characters carry bits). From <see cref="Threshold"/> of them in one text (a file's window, or
/// the text a write tool checks) each becomes high, whatever it was alone.
/// </summary>
internal static class HiddenSpread
{
    /// <summary>From this many carriers in one text they are a message, not an accident.</summary>
    public const int Threshold = 4;

    /// <summary>Raises the carriers among <paramref name="findings"/> from <paramref name="from"/> on when there are enough of them.</summary>
    public static void Escalate(List<TextFinding> findings, int from)
    {
        var count = 0;
        var hidden = 0;
        for (var i = from; i < findings.Count; i++)
        {
            if (IsCarrier(findings[i]))
            {
                count++;
                hidden += Math.Max(1, CodePointsIn(findings[i]));
            }
        }

        if (count < Threshold)
        {
            return;
        }

        for (var i = from; i < findings.Count; i++)
        {
            var f = findings[i];
            if (IsCarrier(f) && f.Severity < Severity.High)
            {
                findings[i] = f with
                {
                    Severity = Severity.High,
                    Rule = "hidden-characters-spread",
                    Message = $"{hidden} hidden characters spread over the file can carry a message; this one: {f.Message}",
                };
            }
        }
    }

    private static bool IsCarrier(TextFinding f) => f.Rule is "variation-selector-stray" or "variation-selector-unregistered"
        or "zero-width" or "zero-width-in-word" or "zero-width-in-string";

    /// <summary>Zero-width characters and most selectors are 3 UTF-8 bytes, supplementary selectors 4.</summary>
    private static int CodePointsIn(TextFinding f) => f.CodePoint >= 0x10000 ? f.Length / 4 : f.Length / 3;
}
