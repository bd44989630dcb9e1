namespace Sov.Core.Text;

/// <summary>Script indices the rules need, looked up once in the generated script names.</summary>
internal static class Scripts
{
    public static readonly int Common = UnicodeData.ScriptIndexOf("Common");
    public static readonly int Inherited = UnicodeData.ScriptIndexOf("Inherited");
    public static readonly int Latin = UnicodeData.ScriptIndexOf("Latin");
    public static readonly int Han = UnicodeData.ScriptIndexOf("Han");
    public static readonly int Hiragana = UnicodeData.ScriptIndexOf("Hiragana");
    public static readonly int Katakana = UnicodeData.ScriptIndexOf("Katakana");
    public static readonly int Bopomofo = UnicodeData.ScriptIndexOf("Bopomofo");
    public static readonly int Hangul = UnicodeData.ScriptIndexOf("Hangul");
    public static readonly int Mongolian = UnicodeData.ScriptIndexOf("Mongolian");

    private static readonly bool[] Joining = Mark(
        "Arabic", "Syriac", "Nko", "Mongolian", "Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Oriya", "Tamil",
        "Telugu", "Kannada", "Malayalam", "Sinhala", "Thaana", "Tibetan", "Myanmar", "Khmer", "Mandaic", "Manichaean",
        "Psalter_Pahlavi", "Kaithi", "Sharada", "Tirhuta", "Grantha", "Newa", "Takri", "Dogra", "Nandinagari",
        "Hanifi_Rohingya", "Adlam", "Sogdian", "Old_Uyghur", "Chakma", "Tai_Tham", "Balinese", "Javanese", "Sundanese",
        "Limbu", "Lepcha", "Saurashtra", "Brahmi", "Modi", "Siddham", "Khojki", "Khudawadi", "Mahajani", "Bhaiksuki",
        "Marchen", "Zanabazar_Square", "Soyombo", "Masaram_Gondi", "Gunjala_Gondi", "Makasar", "Kawi", "Thai", "Lao");

    private static readonly bool[] NoSpace = Mark(
        "Thai", "Lao", "Khmer", "Myanmar", "Tibetan", "Han", "Hiragana", "Katakana", "Javanese", "Balinese", "Tai_Tham",
        "Tai_Le", "New_Tai_Lue", "Tai_Viet", "Yi");

    private static readonly bool[] RightToLeft = Mark(
        "Hebrew", "Arabic", "Syriac", "Thaana", "Nko", "Samaritan", "Mandaic", "Adlam", "Hanifi_Rohingya", "Yezidi",
        "Old_South_Arabian", "Imperial_Aramaic", "Phoenician");

    /// <summary>Scripts whose shaping needs ZWJ/ZWNJ (Persian, Indic conjuncts...).</summary>
    public static bool NeedsJoiners(int script) => Joining[script];

    /// <summary>Scripts written without spaces, where ZWSP is a legitimate word-break hint.</summary>
    public static bool WrittenWithoutSpaces(int script) => NoSpace[script];

    public static bool IsRightToLeft(int script) => RightToLeft[script];

    private static bool[] Mark(params string[] names)
    {
        var set = new bool[256];
        foreach (var name in names)
        {
            var i = UnicodeData.ScriptIndexOf(name);
            if (i >= 0)
            {
                set[i] = true;
            }
        }

        return set;
    }
}
