using System.Text.Json;

namespace Sov.TestKit.Model;

/// <summary>One request the scripted server received, exactly as it arrived.</summary>
public sealed record RecordedRequest(string Method, string Path, string Body, int BodyBytes, string? Authorization)
{
    /// <summary>The tool message for <paramref name="callId"/> in this chat request; null when it has none.</summary>
    public string? ToolMessage(string callId)
    {
        using var doc = JsonDocument.Parse(Body);
        return doc.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("role").GetString() == "tool" && m.GetProperty("tool_call_id").GetString() == callId)
            .Select(m => m.GetProperty("content").GetString() ?? "")
            .FirstOrDefault();
    }
}
