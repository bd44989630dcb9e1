namespace Sov.Core.Permissions.Shell;

/// <summary>
/// One quoted string in inline code: where its text starts and ends (quotes excluded), the text with simple
/// escapes removed, whether it interpolates (<c>${x}</c>, <c>#{x}</c>, <c>$x</c>, f-strings), and whether it
/// is a backtick command (Perl, Ruby, PHP).
/// </summary>
public sealed record CodeLiteral(int Start, int End, string Text, bool Interpolated, bool Command);
