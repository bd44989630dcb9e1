using System.Text;

namespace Sov.Core.Agent;

/// <summary>
/// The words of a prompt that may name a file, as a person types or pastes them: quoted (<c>'my shot.png'</c>,
/// <c>"my shot.png"</c>), with shell-escaped spaces (<c>my\ shot.png</c>), as a <c>file://</c> URL, or bare; each also
/// without trailing punctuation (<c>see shot.png.</c>). Only words with a dot or a slash are offered.
/// </summary>
internal static class PromptPaths
{
    public static IEnumerable<string> Candidates(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(prompt))
        {
            var path = word.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? Uri.UnescapeDataString(word[7..]) : word;
            foreach (var form in new[] { path, path.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']') })
            {
                if (form.Length > 0 && (form.Contains('.', StringComparison.Ordinal) || form.Contains('/', StringComparison.Ordinal)) && seen.Add(form))
                {
                    yield return form;
                }
            }
        }
    }

    private static IEnumerable<string> Words(string prompt)
    {
        var i = 0;
        while (i < prompt.Length)
        {
            if (char.IsWhiteSpace(prompt[i]))
            {
                i++;
                continue;
            }

            var quote = prompt[i];
            if (quote is '\'' or '"' && prompt.IndexOf(quote, i + 1) is var end && end > i)
            {
                yield return prompt[(i + 1)..end];
                i = end + 1;
                continue;
            }

            var word = new StringBuilder();
            while (i < prompt.Length && !char.IsWhiteSpace(prompt[i]))
            {
                if (prompt[i] == '\\' && i + 1 < prompt.Length)
                {
                    i++; // a shell escape: the next character (a space, a parenthesis) is part of the name
                }

                word.Append(prompt[i++]);
            }

            yield return word.ToString();
        }
    }
}
