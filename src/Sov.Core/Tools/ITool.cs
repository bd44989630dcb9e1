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

    Task<ToolOutput> ExecuteAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken);
}
