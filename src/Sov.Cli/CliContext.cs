using Sov.Core;
using Sov.Core.Config;
using Sov.Core.Files;

namespace Sov.Cli;

/// <summary>
/// What every command gets from the front door: the allow-listed environment, where Sovereign's
/// files live, and the two output streams. Tests build one with their own writers and SOV_HOME.
/// </summary>
public sealed class CliContext(IEnvironment environment, TextWriter output, TextWriter error)
{
    private readonly Dictionary<string, SovConfig> _configs = new(StringComparer.Ordinal);
    private SovPaths? _paths;

    public IEnvironment Environment { get; } = environment;
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>Standard input when it is piped (not a terminal), else null; sov exec appends it to the prompt.</summary>
    public TextReader? Input { get; init; }

    /// <summary>Resolved on first use, so <c>sov --version</c> never looks at the environment.</summary>
    public SovPaths Paths => _paths ??= SovPaths.Resolve(Environment);

    /// <summary>
    /// The typed configuration (user config.toml and the workspace's .sov/config.toml), read once per run and
    /// workspace; every command and border takes its piece from here. A config error is thrown each time asked.
    /// </summary>
    public SovConfig Config(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_configs)
        {
            if (!_configs.TryGetValue(workspace.Root, out var config))
            {
                config = SovConfigReader.Read(Paths, workspace);
                _configs[workspace.Root] = config;
            }

            return config;
        }
    }
}
