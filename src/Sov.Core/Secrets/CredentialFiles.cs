namespace Sov.Core.Secrets;

/// <summary>
/// Files that hold credentials by their name: every value assigned in them is a candidate secret, not only
/// the ones a pattern recognises. A tool call counts as reading one when its arguments name one (read_file's
/// path, a shell command's words); a line of grep output counts when its <c>path:</c> prefix names one.
/// </summary>
public static class CredentialFiles
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ".git-credentials", ".netrc", "_netrc", ".npmrc", ".yarnrc", ".yarnrc.yml", ".pypirc", ".pgpass", ".my.cnf",
        "credentials", "credentials.json", "credentials.yml", "credentials.yaml", "credentials.toml", ".dockercfg",
        ".htpasswd", ".vault-token", ".s3cfg", ".boto", ".secrets", "secrets.json", "secrets.yml", "secrets.yaml",
        "secrets.toml", "kubeconfig", "terraform.tfvars", "application-secrets.properties", "service-account.json",
    };

    private static readonly string[] Extensions = [".pem", ".key", ".p8", ".ppk", ".tfvars", ".env"];

    private static readonly string[] Paths = [".docker/config.json", ".kube/config", ".aws/credentials", ".config/gh/hosts.yml"];

    public static bool IsCredentialFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var normal = path.Replace('\\', '/');
        var name = normal[(normal.LastIndexOf('/') + 1)..];
        if (name.Length == 0)
        {
            return false;
        }

        return Names.Contains(name)
            || name.StartsWith(".env", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("id_", StringComparison.Ordinal) && !name.EndsWith(".pub", StringComparison.Ordinal))
            || Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            || Paths.Any(p => normal.EndsWith(p, StringComparison.Ordinal));
    }

    /// <summary>Whether any word of <paramref name="text"/> (tool arguments, a command line) names a credentials file.</summary>
    public static bool Mentioned(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var word in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsCredentialFile(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The text of a line of grep-style output (<c>path:line:text</c> or <c>path:text</c>) when its path is a
    /// credentials file; null otherwise.
    /// </summary>
    public static string? FromCredentialFile(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || line.AsSpan(0, colon).ContainsAny(" \t") || !IsCredentialFile(line[..colon]))
        {
            return null;
        }

        var rest = line[(colon + 1)..];
        var digits = rest.AsSpan().IndexOfAnyExceptInRange('0', '9');
        return digits > 0 && rest[digits] is ':' or '-' ? rest[(digits + 1)..] : rest;
    }

    private static readonly char[] Separators = [' ', '\t', '\n', '\r', '"', '\'', '=', ';', '|', '&', '<', '>', '(', ')', '{', '}', '[', ']', ',', '`', '$', '\\'];
}
