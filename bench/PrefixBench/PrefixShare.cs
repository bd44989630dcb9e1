using System.Text;
using System.Text.Json;

namespace Sov.Bench;

/// <summary>
/// How much of one chat request is a byte prefix of the next (#16): the request up to the end of its last
/// message (what a server's prompt cache can keep) against the next request's bytes; and whether everything
/// after the messages (tools, options) is byte-identical. A request with fewer messages than the one before
/// follows a compaction.
/// </summary>
internal sealed record PrefixShare(int Index, int Messages, int PrefixBytes, int SharedBytes, bool RestSame, bool AfterCompaction)
{
    public double Share => PrefixBytes == 0 ? 1 : (double)SharedBytes / PrefixBytes;

    public static PrefixShare Compare(int index, string request, string next)
    {
        var a = Encoding.UTF8.GetBytes(request);
        var b = Encoding.UTF8.GetBytes(next);
        var (endA, countA) = MessagesEnd(a);
        var (endB, countB) = MessagesEnd(b);
        var shared = 0;
        while (shared < endA && shared < b.Length && a[shared] == b[shared])
        {
            shared++;
        }

        var restSame = a.AsSpan(endA).SequenceEqual(b.AsSpan(endB));
        return new PrefixShare(index, countA, endA, shared, restSame, countB < countA);
    }

    /// <summary>The offset of the messages array's closing bracket, and how many messages it holds.</summary>
    private static (int End, int Count) MessagesEnd(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("messages"))
            {
                reader.Read();
                var count = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    count++;
                    reader.Skip();
                }

                return ((int)reader.TokenStartIndex, count);
            }
        }

        throw new InvalidOperationException("a chat request without messages");
    }
}
