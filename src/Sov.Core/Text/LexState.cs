namespace Sov.Core.Text;

/// <summary>Where in the source a position lies, as far as the rough lexer can tell.</summary>
public enum LexState
{
    Code,
    Comment,
    String,
    Prose,
}
