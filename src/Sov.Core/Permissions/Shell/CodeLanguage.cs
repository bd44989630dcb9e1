namespace Sov.Core.Permissions.Shell;

/// <summary>The language of an interpreter's inline code, as far as <see cref="InlineCode"/> needs to know it.</summary>
public enum CodeLanguage
{
    Python,
    Perl,
    Ruby,
    JavaScript,
    Php,
    Lua,
    R,
    Awk,
    Other,
}
