namespace Sov.Core.Text;

/// <summary>
/// How a text is lexed for context (where comments and strings are, or all prose) and, for the languages whose
/// rules change what a character does, which language it is. <see cref="SourceKinds.Syntax"/> gives the family.
/// </summary>
public enum SourceKind
{
    /// <summary>Prose: rules files (AGENTS.md, .cursorrules), plain text, model output.</summary>
    Prose,

    /// <summary>C-family syntax: <c>//</c> and <c>/* */</c> comments, quoted strings (Go, Rust, Java, C...).</summary>
    CLike,

    /// <summary>Hash comments and quoted strings (Python, shell, Ruby, YAML, TOML...).</summary>
    Hash,

    /// <summary>Code whose syntax is unknown: everything is code.</summary>
    Plain,

    /// <summary>JavaScript and TypeScript (C-family syntax): U+2028 and U+2029 end a line, and so a <c>//</c> comment (#21).</summary>
    JavaScript,

    /// <summary>C# (C-family syntax): U+0085, U+2028 and U+2029 end a line, and so a <c>//</c> comment (#21).</summary>
    CSharp,

    /// <summary>Markdown documents other than agent rules files (README.md, docs): prose written for people (#21).</summary>
    Markdown,
}
