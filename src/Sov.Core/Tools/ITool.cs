using Sov.Core.Tools.Effects;

namespace Sov.Core.Tools;

/// <summary>
/// A tool the model may call. Other rooms add their own (write_file, edit_file, shell, todo) by
/// implementing this and registering it in a <see cref="ToolRegistry"/>. Arguments arrive already
/// coerced by <see cref="Schema"/>; a failure the model should see is returned as
/// <see cref="ToolOutput.Error"/> or thrown as <see cref="ToolException"/>.
/// </summary>
public interface ITool
{
    /// <summary>The exact name the model calls (snake_case).</summary>
    string Name { get; }

    /// <summary>One or two sentences for the model; every byte goes into every request, so keep it short.</summary>
    string Description { get; }

    /// <summary>The parameters, rendered as a compact JSON schema and used to coerce arguments.</summary>
    ToolSchema Schema { get; }

    /// <summary>True when the tool never changes anything; only read-only tools run without the permission hook.</summary>
    bool IsReadOnly { get; }

    /// <summary>
    /// What a call with <paramref name="arguments"/> touches (a path read or written, a command, an MCP server, a network
    /// origin): the permission gate, approval prompt, journal and turn view judge the call by this, not by the tool's name.
    /// A tool that does not say is judged as before effects existed: a read-only one as a read of its <c>path</c> argument
    /// (the whole workspace without one), any other as one that may change anything.
    /// </summary>
    ToolEffect EffectOf(ToolArguments arguments) =>
        !IsReadOnly ? ToolEffect.Unknown
        : arguments?.Values.TryGetValue("path", out var path) == true && path is string p ? new ReadPath(p) : new ReadPath(".");

    Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken);
}
