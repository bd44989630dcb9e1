namespace Sov.Core.Watch;

/// <summary>What a trace showed for one destination while it is being read: the outcome, bytes, server names, payload.</summary>
internal sealed class DestinationTally(TraceEndpoint endpoint)
{
    /// <summary>Payload kept per destination for the hidden-text scan; the byte count goes on past it.</summary>
    public const int PayloadCap = 1 << 20;

    public TraceEndpoint Endpoint { get; } = endpoint;

    public string Result { get; set; } = "sent";

    public bool Connected { get; set; }

    public long BytesSent { get; set; }

    public SortedSet<string> ServerNames { get; } = new(StringComparer.Ordinal);

    public List<byte> Payload { get; } = [];

    public void Add(ReadOnlySpan<byte> payload)
    {
        var room = Math.Min(payload.Length, PayloadCap - Payload.Count);
        for (var i = 0; i < room; i++)
        {
            Payload.Add(payload[i]);
        }
    }
}
