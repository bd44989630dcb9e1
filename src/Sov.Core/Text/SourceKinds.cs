namespace Sov.Core.Text;

/// <summary>Picks a <see cref="SourceKind"/> from a file name, and says what a kind lexes like.</summary>
public static class SourceKinds
{
    public static SourceKind FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path).ToLowerInvariant();
        switch (name)
        {
            case ".cursorrules" or ".windsurfrules" or ".clinerules" or "agents.md" or "claude.md" or "gemini.md" or "qwen.md":
                return SourceKind.Prose;
            case "makefile" or "dockerfile" or "gemfile" or "rakefile" or ".bashrc" or ".profile" or ".zshrc" or ".gitignore":
                return SourceKind.Hash;
        }

        return Path.GetExtension(name) switch
        {
            ".md" or ".markdown" => SourceKind.Markdown,
            ".mdc" or ".txt" or ".rst" or ".adoc" or ".org" or ".xml" or ".html" or ".htm"
                or ".svg" or ".xaml" or ".resx" or ".xlf" or ".po" => SourceKind.Prose,
            ".js" or ".mjs" or ".cjs" or ".ts" or ".mts" or ".cts" or ".jsx" or ".tsx" => SourceKind.JavaScript,
            ".cs" => SourceKind.CSharp,
            ".go" or ".rs" or ".c" or ".h" or ".cc" or ".cpp" or ".hpp" or ".cxx" or ".java" or ".kt" or ".kts" or ".swift"
                or ".scala" or ".dart" or ".php" or ".css" or ".scss" or ".json" or ".jsonc" or ".proto" or ".fs"
                or ".zig" or ".sol" or ".groovy" or ".gradle" => SourceKind.CLike,
            ".py" or ".pyi" or ".sh" or ".bash" or ".zsh" or ".fish" or ".rb" or ".pl" or ".pm" or ".r" or ".yaml"
                or ".yml" or ".toml" or ".ini" or ".cfg" or ".conf" or ".ps1" or ".psm1" or ".nix" or ".cmake"
                or ".tf" or ".mk" or ".jl" or ".ex" or ".exs" => SourceKind.Hash,
            _ => SourceKind.Plain,
        };
    }

    /// <summary>The syntax family a kind is lexed with: <see cref="SourceKind.Prose"/>, CLike, Hash or Plain.</summary>
    public static SourceKind Syntax(SourceKind kind) => kind switch
    {
        SourceKind.JavaScript or SourceKind.CSharp => SourceKind.CLike,
        SourceKind.Markdown => SourceKind.Prose,
        _ => kind,
    };

    /// <summary>True for prose kinds (rules files, text, Markdown).</summary>
    public static bool IsProse(SourceKind kind) => Syntax(kind) == SourceKind.Prose;

    /// <summary>True where U+2028 and U+2029 end a line (and so a <c>//</c> comment): JavaScript, TypeScript, C#.</summary>
    public static bool SeparatorsEndLines(SourceKind kind) => kind is SourceKind.JavaScript or SourceKind.CSharp;

    /// <summary>The language's name for messages.</summary>
    public static string LanguageName(SourceKind kind) => kind switch
    {
        SourceKind.JavaScript => "JavaScript/TypeScript",
        SourceKind.CSharp => "C#",
        _ => "this language",
    };
}
