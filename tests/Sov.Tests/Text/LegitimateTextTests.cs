using Sov.Core.Text;

namespace Sov.Tests.Text;

/// <summary>Precision: legitimate text stays quiet (info at most). Issue #3 lists these cases.</summary>
public sealed class LegitimateTextTests
{
    [Theory]
    [InlineData("emoji presentation", "Great job \u2764\uFE0F and \u263A\uFE0E\n")]
    [InlineData("emoji with default presentation plus FE0F", "ok \U0001F44D\uFE0F\n")]
    [InlineData("ZWJ family", "family: \U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466\n")]
    [InlineData("ZWJ with skin tone", "\U0001F469\U0001F3FD\u200D\U0001F4BB coder\n")]
    [InlineData("rainbow flag", "\U0001F3F3\uFE0F\u200D\U0001F308 pride\n")]
    [InlineData("keycap", "press 1\uFE0F\u20E3 or #\uFE0F\u20E3\n")]
    [InlineData("country flags", "\U0001F1EB\U0001F1F7 \U0001F1EF\U0001F1F5\n")]
    [InlineData("subdivision flag Scotland", "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F go\n")]
    [InlineData("subdivision flag Wales", "\U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F\n")]
    [InlineData("Persian ZWNJ", "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \u0628\u0631\u0648\u0645\n")]
    [InlineData("Hindi conjunct with ZWJ", "\u0915\u094D\u200D\u0937 \u0930\u094D\u200D\u092F\n")]
    [InlineData("Malayalam chillu ZWJ", "\u0D28\u0D4D\u200D \u0D15\u0D3E\u0D30\u0D4D\u200D\n")]
    [InlineData("Han with ideographic variation selector", "\u845B\U000E0100\u57CE\u5E02\n")]
    [InlineData("Hebrew prose", "\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD, this is mixed with English.\n")]
    [InlineData("Arabic prose with RLM", "\u0645\u0631\u062D\u0628\u0627\u200F (100) \u0628\u0627\u0644\u0639\u0627\u0644\u0645\n")]
    [InlineData("Arabic with ALM", "\u0627\u0644\u0639\u062F\u062F \u061C-5\n")]
    [InlineData("French with NBSP", "Bonjour\u00A0! Comment \u00E7a va\u202F?\n")]
    [InlineData("Japanese with ideographic space", "\u3053\u308C\u306F\u3000\u30C6\u30B9\u30C8\u3067\u3059\u3002\n")]
    [InlineData("Thai with ZWSP word breaks", "\u0E2A\u0E27\u0E31\u0E2A\u0E14\u0E35\u200B\u0E04\u0E23\u0E31\u0E1A\n")]
    [InlineData("Chinese", "\u4F60\u597D\uFF0C\u4E16\u754C\uFF01\n")]
    [InlineData("Korean", "\uC548\uB155\uD558\uC138\uC694\n")]
    [InlineData("Russian", "\u041F\u0440\u0438\u0432\u0435\u0442, \u043C\u0438\u0440\n")]
    [InlineData("Greek", "\u0393\u03B5\u03B9\u03B1 \u03C3\u03BF\u03C5 \u03BA\u03CC\u03C3\u03BC\u03B5\n")]
    [InlineData("accents", "na\u00EFve caf\u00E9 r\u00E9sum\u00E9 \u00FCber stra\u00DFe\n")]
    [InlineData("combining accents", "cafe\u0301 nai\u0308ve\n")]
    [InlineData("German soft hyphen", "Donau\u00ADdampf\u00ADschiff\n")]
    [InlineData("math and arrows", "\u2200x \u2208 \u211D: x\u00B2 \u2265 0 \u2192 \u221A\n")]
    public void ProseIsQuiet(string name, string text)
    {
        var loud = Classify.Loud(text, SourceKind.Prose);
        Assert.True(loud.Count == 0, $"{name}: {Classify.Describe(loud)}");
        var low = Classify.Text(text, SourceKind.Prose).Where(f => f.Severity >= Severity.Low).ToList();
        Assert.True(low.Count == 0 || name.Contains("NBSP", StringComparison.Ordinal) || name.Contains("ideographic space", StringComparison.Ordinal)
            || name.Contains("soft hyphen", StringComparison.Ordinal),
            $"{name}: {Classify.Describe(low)}");
    }

    [Theory]
    [InlineData("C# comment in Chinese", "// \u8BA1\u7B97\u603B\u548C\u3000\u5E76\u8FD4\u56DE\nvar total = a + b;\n", SourceKind.CLike)]
    [InlineData("C# Japanese identifier", "var \u540D\u524D = \"\u5C71\u7530\";\nvar getユーザー = 1;\n", SourceKind.CLike)]
    [InlineData("French comment with NBSP", "# Erreur\u00A0: fichier introuvable\nmsg = err\n", SourceKind.Hash)]
    [InlineData("Russian comment", "# \u041F\u0440\u043E\u0432\u0435\u0440\u0438\u0442\u044C \u0444\u0430\u0439\u043B\nopen(path)\n", SourceKind.Hash)]
    [InlineData("Arabic string", "let s = \"\u0645\u0631\u062D\u0628\u0627\";\n", SourceKind.CLike)]
    [InlineData("Hebrew comment in Go", "// \u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD\nfunc main() {}\n", SourceKind.CLike)]
    [InlineData("emoji in Rust string", "println!(\"done \u2705 \U0001F680\");\n", SourceKind.CLike)]
    [InlineData("Greek identifier alone", "double \u03BB = 0.5;\n", SourceKind.CLike)]
    [InlineData("Persian in Python string", "x = \"\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645\"\n", SourceKind.Hash)]
    [InlineData("Devanagari identifier in JS", "const \u0928\u092E\u0938\u094D\u0924\u0947 = 1;\n", SourceKind.CLike)]
    [InlineData("units in a string", "sizes = [\"10 \u03BCm\", \"5 k\u03A9\", \"\u0394t\"]\n", SourceKind.Hash)]
    [InlineData("escape before a Greek letter", "s = \"\\u0345\u03B9\"\n", SourceKind.Hash)]
    [InlineData("soft hyphen in a German comment", "// Donau\u00ADdampf\u00ADschiff\nint x;\n", SourceKind.CLike)]
    [InlineData("German identifiers", "var gr\u00F6\u00DFe = 1; var grosse = 2;\n", SourceKind.CLike)]
    public void CodeIsQuiet(string name, string text, SourceKind kind)
    {
        var loud = Classify.Loud(text, kind);
        Assert.True(loud.Count == 0, $"{name}: {Classify.Describe(loud)}");
    }

    [Fact]
    public void BomAtStartIsInfoOnly()
    {
        var findings = Classify.Text("\uFEFFusing System;\n");
        Assert.All(findings, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.Contains(findings, f => f.Category == TextCategory.Bom);
    }

    [Fact]
    public void FormFeedPageBreakIsLow()
    {
        var findings = Classify.Text("a\n\f\nb\n", SourceKind.Plain);
        Assert.All(findings, f => Assert.True(f.Severity <= Severity.Low));
    }
}
