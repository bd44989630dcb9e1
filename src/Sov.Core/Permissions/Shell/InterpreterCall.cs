namespace Sov.Core.Permissions.Shell;

/// <summary>
/// What an interpreter command runs: its inline code pieces (<c>-c</c>, <c>-e</c>, <c>--eval</c>, an awk
/// program...), whether it reads its program from standard input, and whether its options could not be read.
/// </summary>
public sealed record InterpreterCall(CodeLanguage Language, IReadOnlyList<string> Code, bool FromStdin, bool Unreadable);
