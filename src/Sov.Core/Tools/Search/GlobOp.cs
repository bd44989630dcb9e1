namespace Sov.Core.Tools.Search;

/// <summary>One step of a compiled glob.</summary>
internal enum GlobOp
{
    /// <summary>This character.</summary>
    Char,

    /// <summary><c>?</c>: any one character (not '/' with components).</summary>
    One,

    /// <summary><c>*</c>: any run of characters (not '/' with components).</summary>
    Star,

    /// <summary><c>**</c>: any run of characters, '/' included.</summary>
    DeepStar,

    /// <summary><c>**/</c>: nothing, or any text ending in '/'.</summary>
    DeepFolders,

    /// <summary><c>[...]</c>: one character of a class (never '/' with components).</summary>
    Class,
}
