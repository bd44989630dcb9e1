using Sov.Core;
using Sov.Core.Config;

namespace Sov.Cli;

/// <summary>
/// What every command gets from the front door: the allow-listed environment, where Sovereign's
/// files live, and the two output streams. Tests build one with their own writers and SOV_HOME.
/// </summary>
public sealed class CliContext(IEnvironment environment, TextWriter output, TextWriter error)
{
    private SovPaths? _paths;

    public IEnvironment Environment { get; } = environment;
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>Standard input when it is piped (not a terminal), else null; sov exec appends it to the prompt.</summary>
    public TextReader? Input { get; init; }

    /// <summary>Resolved on first use, so <c>sov --version</c> never looks at the environment.</summary>
    public SovPaths Paths => _paths ??= SovPaths.Resolve(Environment);
}
