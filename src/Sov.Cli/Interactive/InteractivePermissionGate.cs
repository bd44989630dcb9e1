using Sov.Core.Agent.Permission;

namespace Sov.Cli.Interactive;

/// <summary>
/// With a person at the keyboard: read-only tools run, anything else asks, unless the person answered
/// "always" for that tool (and, for the shell, that exact command) earlier in this session.
/// </summary>
internal sealed class InteractivePermissionGate(string mode) : IPermissionGate
{
    private readonly HashSet<string> _always = new(StringComparer.Ordinal);

    public string Mode { get; set; } = mode;

    public ValueTask<PermissionDecision> CheckAsync(ToolCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Tool.IsReadOnly)
        {
            return ValueTask.FromResult(PermissionDecision.Allow);
        }

        if (Mode == "read-only")
        {
            return ValueTask.FromResult(PermissionDecision.Deny("the session is in read-only mode"));
        }

        return ValueTask.FromResult(_always.Contains(Key(request.Tool.Name, request.RawArguments))
            ? PermissionDecision.Allow
            : PermissionDecision.Ask($"{request.Tool.Name} changes things"));
    }

    /// <summary>"Always for this session": the rule added, as shown to the person.</summary>
    public string AllowAlways(string tool, string rawArguments)
    {
        _always.Add(Key(tool, rawArguments));
        return tool == "shell" ? $"shell:{rawArguments}" : $"{tool}:*";
    }

    private static string Key(string tool, string rawArguments) => tool == "shell" ? "shell\0" + rawArguments : tool;
}
