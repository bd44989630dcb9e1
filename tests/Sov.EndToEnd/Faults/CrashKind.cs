namespace Sov.EndToEnd.Faults;

/// <summary>
/// Where a crash run kills sov: the scripted server stalls (before an answer, or mid-stream between two tool
/// calls) and sov is killed there; sov is killed a random delay after an answer was asked for; or sov is
/// killed the moment its Nth atomic write creates its temporary file (a tool writing).
/// </summary>
internal enum CrashKind
{
    BeforeAnswer,
    MidStream,
    AfterDelay,
    DuringWrite,
}
