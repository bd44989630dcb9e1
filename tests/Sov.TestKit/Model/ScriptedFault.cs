namespace Sov.TestKit.Model;

/// <summary>
/// How a scripted response misbehaves after its events (issue #13's fault suite). Faults that are about the
/// content of events (empty choices, an error event, a malformed chunk, duplicate ids, finish_reason
/// "length") are built with <see cref="ScriptedResponse"/>'s methods instead; these are about the transport.
/// </summary>
public enum ScriptedFault
{
    /// <summary>Plays its events and ends with [DONE].</summary>
    None,

    /// <summary>Plays its events, then aborts the connection (a reset mid-stream).</summary>
    ResetMidStream,

    /// <summary>Plays its events, then half an event, then ends the response cleanly without [DONE].</summary>
    TruncatedSse,

    /// <summary>Streams text forever (16 KiB a chunk), until the client goes away: the runaway cap.</summary>
    EndlessStream,

    /// <summary>Plays its events (or half of an error body), then keeps the connection open and sends nothing more.</summary>
    SilentForever,

    /// <summary>Plays its events, then sends an empty delta every 100 ms forever (progress rule, #13.4).</summary>
    EmptyDeltasForever,

    /// <summary>Plays its events, then sends an SSE comment (": keep-alive") every 100 ms forever.</summary>
    KeepAliveForever,

    /// <summary>Plays its events, then a few characters every 100 ms forever (the whole-answer deadline, #13.4).</summary>
    TrickleForever,

    /// <summary>Plays its events, then one data line of <see cref="ScriptedResponse.HugeLineBytes"/> without an end (#13.8).</summary>
    HugeLine,

    /// <summary>Aborts the connection before sending any header (a reset the client sees as a request failure).</summary>
    ResetBeforeHeaders,

    /// <summary>Plays its events and ends the response cleanly, with neither finish_reason nor [DONE].</summary>
    EndWithoutDone,
}
