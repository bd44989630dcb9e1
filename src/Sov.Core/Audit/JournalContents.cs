using System.Text.Json;

namespace Sov.Core.Audit;

/// <summary>
/// What a chain that verified must also hold: the session record names the session its file is named for (a
/// journal copied under another session's name is caught), and every request body the journal names is in
/// the body store and still hashes to its name. Bodies deliberately pruned are listed in
/// <c>bodies/pruned.txt</c> (one SHA-256 per line, or <c>*</c> for all) and reported as pruned, not missing.
/// </summary>
public static class JournalContents
{
    public const string PrunedFile = "pruned.txt";

    /// <summary>The session the journal's first record names, or null.</summary>
    public static string? SessionNamed(ReadOnlySpan<byte> bytes)
    {
        var newline = bytes.IndexOf((byte)'\n');
        var first = newline < 0 ? bytes : bytes[..newline];
        return Fields(first, "session").GetValueOrDefault("session");
    }

    /// <summary>Checks the bodies; returns (problem or null, bodies checked, bodies pruned).</summary>
    public static (string? Problem, int Checked, int Pruned) CheckBodies(ReadOnlySpan<byte> bytes, BodyStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var pruned = PrunedList(store.Directory);
        var (checkedCount, prunedCount) = (0, 0);
        long seq = 0;
        var rest = bytes;
        while (!rest.IsEmpty)
        {
            var newline = rest.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? [] : rest[(newline + 1)..];
            seq++;
            var fields = Fields(line, "type", "body_sha256");
            if (fields.GetValueOrDefault("type") != "egress_request" || fields.GetValueOrDefault("body_sha256") is not { } sha)
            {
                continue;
            }

            if (pruned.Contains("*") || pruned.Contains(sha))
            {
                prunedCount++;
                continue;
            }

            checkedCount++;
            if (store.TryRead(sha) is null)
            {
                var why = File.Exists(store.PathOf(sha)) ? "no longer hashes to its name: altered" : "is missing from the body store: deleted";
                return ($"seq {seq}: the request body {sha[..12]}… {why} (list deliberately pruned bodies in bodies/{PrunedFile})", checkedCount, prunedCount);
            }
        }

        return (null, checkedCount, prunedCount);
    }

    private static HashSet<string> PrunedList(string bodiesDir)
    {
        var path = Path.Combine(bodiesDir, PrunedFile);
        return File.Exists(path)
            ? File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal)
            : [];
    }

    private static Dictionary<string, string> Fields(ReadOnlySpan<byte> line, params string[] wanted)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ChainHash.TrySplit(line, out _, out _))
        {
            try
            {
                var reader = new Utf8JsonReader(line);
                if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var name = reader.GetString()!;
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.String && wanted.Contains(name))
                        {
                            found[name] = reader.GetString()!;
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                }
            }
            catch (JsonException)
            {
            }
        }

        return found;
    }
}
