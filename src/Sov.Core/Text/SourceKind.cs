namespace Sov.Core.Text;

/// <summary>How a text is lexed for context: where comments and strings are, or all prose.</summary>
public enum SourceKind
{
    /// <summary>Prose: Markdown, rules files (AGENTS.md, .cursorrules), plain text, model output.</summary>
    Prose,

    /// <summary>C-family syntax: <c>//</c> and <c>/* */</c> comments, quoted strings (C#, JS/TS, Go, Rust, Java...).</summary>
    CLike,

    /// <summary>Hash comments and quoted strings (Python, shell, Ruby, YAML, TOML...).</summary>
    Hash,

    /// <summary>Code whose syntax is unknown: everything is code.</summary>
    Plain,
}
