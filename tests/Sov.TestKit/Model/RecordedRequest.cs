namespace Sov.TestKit.Model;

/// <summary>One request the scripted server received, exactly as it arrived.</summary>
public sealed record RecordedRequest(string Method, string Path, string Body, int BodyBytes, string? Authorization);
