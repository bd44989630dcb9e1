using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Sov.Core.Scan;
using Sov.Core.Text;

namespace Sov.Tests.Text;

/// <summary>
/// Properties of the classifier and of <c>--fix</c> over generated text full of hidden characters:
/// random input never throws, a fix changes bytes only inside flagged spans, and fixed text rescans clean.
/// </summary>
public sealed class FixPropertyTests
{
    private static readonly string[] Pieces =
    [
        "a", "b", "x", "_", "1", " ", " ", "\n", "\r\n", "\t", "\"", "'", "//", "/*", "*/", "#", "=", ";", "(", ")",
        "\u202E", "\u202C", "\u2066", "\u2067", "\u2069", "\u200E", "\u200F", "\u061C",
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u3164", "\u2062",
        "\uFE00", "\uFE0F", "\uFE0E", "\U000E0100", "\U000E0041", "\U000E0067", "\U000E007F", "\U0001F3F4",
        "\u00A0", "\u2028", "\u3000", "\u001B", "\u001B[31m", "\u001B]8;;x\u0007", "\u0007", "\u0008", "\u0085",
        "\uE000", "\u0378", "\uFDD0", "\U0001F600", "\u2764", "\U0001F468", "\U0001F3FD", "1\uFE0F\u20E3",
        "\u0430", "\u0440\u043E\u0440", "pop", "\u4E00", "\u845B", "\u0645\u06CC", "\u0915\u094D", "\u05E9", "\u0E2A",
        "\u0301", "\u00E9",
    ];

    private static readonly SourceKind[] Kinds = [SourceKind.CLike, SourceKind.Hash, SourceKind.Prose, SourceKind.Plain];

    private static Arbitrary<(string Text, SourceKind Kind, Severity Threshold)> Texts() =>
        (from count in Gen.Choose(0, 60)
         from parts in Gen.ListOf(Gen.Elements(Pieces), count)
         from kind in Gen.Elements(Kinds)
         from threshold in Gen.Elements(Severity.Low, Severity.Medium, Severity.High, Severity.Info)
         select (string.Concat(parts), kind, threshold)).ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property RandomBytesNeverThrow()
    {
        var gen = from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i))
                  from kind in Gen.Elements(Kinds)
                  select (bytes, kind);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var findings = TextClassifier.Classify(t.bytes, new ClassifyOptions(t.kind, IncludeInfo: true));
            var fixedBytes = TextFixer.Apply(t.bytes, findings, Severity.Info);
            var revealed = TextBorder.Reveal(Encoding.UTF8.GetString(t.bytes), t.kind);
            return findings.TrueForAll(f => f.Offset >= 0 && f.Offset + f.Length <= t.bytes.Length && f.Line >= 1 && f.Column >= 1)
                && fixedBytes.Length <= t.bytes.Length * 3 + 3 && revealed is not null;
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property AFixChangesOnlyFlaggedSpans() => Prop.ForAll(Texts(), t =>
    {
        var input = Encoding.UTF8.GetBytes(t.Text);
        var findings = TextClassifier.Classify(input, new ClassifyOptions(t.Kind, IncludeInfo: true));
        var output = TextFixer.Apply(input, findings, t.Threshold);
        int pos = 0, o = 0;
        foreach (var f in findings)
        {
            if (f.Severity < t.Threshold || f.Fix == FixAction.None || f.Offset < pos)
            {
                continue;
            }

            var kept = input.AsSpan(pos, f.Offset - pos);
            if (!output.AsSpan(o).StartsWith(kept))
            {
                return false.Label($"bytes before offset {f.Offset} changed");
            }

            o += kept.Length;
            ReadOnlySpan<byte> replacement = f.Fix switch
            {
                FixAction.Space => " "u8,
                FixAction.ReplacementCharacter => "\uFFFD"u8,
                _ => [],
            };
            if (!output.AsSpan(o).StartsWith(replacement))
            {
                return false.Label($"wrong replacement at {f.Offset}");
            }

            o += replacement.Length;
            pos = f.Offset + f.Length;
        }

        return output.AsSpan(o).SequenceEqual(input.AsSpan(pos)).Label("tail changed");
    });

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property FixedTextRescansClean() => Prop.ForAll(Texts(), t =>
    {
        var input = Encoding.UTF8.GetBytes(t.Text);
        var options = new ClassifyOptions(t.Kind, IncludeInfo: true);
        var findings = TextClassifier.Classify(input, options);
        var output = FileScanner.FixedText(input, findings, t.Threshold, options);
        var after = TextClassifier.Classify(output, options);
        return (!TextFixer.HasFixable(after, t.Threshold)).Label(Classify.Describe(after.Where(f => f.Severity >= t.Threshold)));
    });
}
