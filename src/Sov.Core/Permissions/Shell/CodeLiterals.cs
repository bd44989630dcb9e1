namespace Sov.Core.Permissions.Shell;

/// <summary>
/// Finds the quoted strings in inline interpreter code: '…', "…", `…` with backslash escapes. Comments and
/// language-specific quoting (Perl <c>q{}</c>, heredocs) are not modelled: a misread only ever shows more code
/// as code, and <see cref="InlineCode"/> treats power words inside strings as opaque.
/// </summary>
public static class CodeLiterals
{
    public static List<CodeLiteral> Of(string code, CodeLanguage language)
    {
        ArgumentNullException.ThrowIfNull(code);
        var literals = new List<CodeLiteral>();
        var i = 0;
        while (i < code.Length)
        {
            var quote = code[i];
            if (quote is not ('\'' or '"' or '`'))
            {
                i++;
                continue;
            }

            var text = new System.Text.StringBuilder();
            var encoded = false;
            var j = i + 1;
            while (j < code.Length && code[j] != quote)
            {
                if (code[j] == '\\' && j + 1 < code.Length)
                {
                    // \x72, \u0072, \162, \N{...}: the text is not what the code will see.
                    encoded |= "xuUN01234567o".Contains(code[j + 1], StringComparison.Ordinal);
                    text.Append(code[j + 1]);
                    j += 2;
                    continue;
                }

                text.Append(code[j]);
                j++;
            }

            var content = text.ToString();
            var fString = language == CodeLanguage.Python && i > 0 && code[i - 1] is 'f' or 'F';
            var interpolated = encoded || quote != '\'' && Interpolates(content, language) || fString && content.Contains('{', StringComparison.Ordinal);
            var command = quote == '`' && language is CodeLanguage.Perl or CodeLanguage.Ruby or CodeLanguage.Php;
            literals.Add(new CodeLiteral(i + 1, Math.Min(j, code.Length), content, interpolated, command));
            i = j + 1;
        }

        return literals;
    }

    /// <summary>The code with every literal's text turned into spaces (quotes kept), so positions still line up.</summary>
    public static string Blanked(string code, IReadOnlyList<CodeLiteral> literals)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(literals);
        var chars = code.ToCharArray();
        foreach (var literal in literals)
        {
            for (var k = literal.Start; k < literal.End; k++)
            {
                chars[k] = ' ';
            }
        }

        return new string(chars);
    }

    private static bool Interpolates(string content, CodeLanguage language) =>
        content.Contains("${", StringComparison.Ordinal) || content.Contains("#{", StringComparison.Ordinal)
        || (language is CodeLanguage.Perl or CodeLanguage.Php or CodeLanguage.Ruby
            && content.AsSpan().IndexOfAny('$', '@') >= 0);
}
