namespace Sov.TestKit.Network;

/// <summary>One request as a loopback server received it: the exact body bytes included.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}
