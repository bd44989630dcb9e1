namespace Sov.TestKit.Model;

/// <summary>How a scripted response misbehaves.</summary>
public enum ScriptedFault
{
    /// <summary>Plays its events and ends with [DONE].</summary>
    None,

    /// <summary>Plays its events, then aborts the connection (a reset mid-stream).</summary>
    ResetMidStream,

    /// <summary>Plays its events, then half an event, then ends the response cleanly without [DONE].</summary>
    TruncatedSse,

    /// <summary>Streams text forever, until the client goes away.</summary>
    EndlessStream,
}
