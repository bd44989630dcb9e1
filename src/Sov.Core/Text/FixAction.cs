namespace Sov.Core.Text;

/// <summary>What <c>--fix</c> and the strip policy do with a finding's bytes.</summary>
public enum FixAction
{
    /// <summary>Leave it: renaming an identifier or a private-use glyph is the author's call.</summary>
    None,

    /// <summary>Delete the flagged bytes.</summary>
    Remove,

    /// <summary>Replace the flagged bytes with one ASCII space (irregular whitespace).</summary>
    Space,

    /// <summary>Replace the flagged bytes with U+FFFD (invalid UTF-8).</summary>
    ReplacementCharacter,
}
