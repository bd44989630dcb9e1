using Sov.Core.Audit;

namespace Sov.Tests.Audit;

/// <summary>What someone who can write a journal can do without a key: recompute every <c>prev</c> and <c>hash</c> after an edit (#20).</summary>
internal static class ChainRewrite
{
    public static List<string> Rehash(IEnumerable<string> lines)
    {
        var prev = ChainHash.Genesis;
        var result = new List<string>();
        foreach (var line in lines)
        {
            // the body ends with "prev":"<64 hex>" and is followed by ,"hash":"<64 hex>"}
            var body = line[..^ChainHash.SuffixLength];
            body = body[..^65] + prev + "\"";
            prev = ChainHash.Of(System.Text.Encoding.UTF8.GetBytes(body));
            result.Add($"{body},\"hash\":\"{prev}\"}}");
        }

        return result;
    }
}
