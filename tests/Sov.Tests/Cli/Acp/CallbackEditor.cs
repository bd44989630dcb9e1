using Sov.Cli.Acp;

namespace Sov.Tests.Cli.Acp;

/// <summary>An editor whose buffers live in memory and that runs <see cref="OnRequest"/> as each fs/* request arrives
/// (the round trip during which the disk can change under the agent).</summary>
internal sealed class CallbackEditor : IEditorBuffers
{
    public Dictionary<string, string> Buffers { get; } = new(StringComparer.Ordinal);

    public List<string> Asked { get; } = [];

    public Action<string>? OnRequest { get; set; }

    public Task<string> ReadAsync(string path, CancellationToken cancellationToken)
    {
        Asked.Add("read " + path);
        OnRequest?.Invoke(path);
        return Task.FromResult(Buffers.TryGetValue(path, out var text) ? text : File.ReadAllText(path));
    }

    public Task WriteAsync(string path, string text, CancellationToken cancellationToken)
    {
        Asked.Add("write " + path);
        OnRequest?.Invoke(path);
        Buffers[path] = text;
        return Task.CompletedTask;
    }
}
