namespace Sov.EndToEnd.Faults;

/// <summary>One kill point: the kind, the answer (1-based request number; for writes, which write) it concerns, and the extra delay before kill -9.</summary>
internal sealed record CrashPoint(CrashKind Kind, int Answer, int DelayMs)
{
    public override string ToString() => $"{Kind} of answer {Answer} +{DelayMs} ms";

    public static CrashPoint Draw(Random random) => random.Next(4) switch
    {
        3 => new CrashPoint(CrashKind.DuringWrite, random.Next(1, CrashScenario.Writes + 1), 0),
        0 => new CrashPoint(CrashKind.BeforeAnswer, random.Next(1, CrashScenario.Answers + 1), random.Next(0, 5)),
        1 => new CrashPoint(CrashKind.MidStream, random.Next(1, CrashScenario.Answers), random.Next(0, 5)),
        _ => new CrashPoint(CrashKind.AfterDelay, random.Next(1, CrashScenario.Answers + 1), random.Next(0, 60)),
    };
}
