using Sov.Core;
using Sov.Core.Config;
using Sov.Core.Files;
using Sov.Core.Policy;

namespace Sov.Cli;

/// <summary>
/// What every command gets from the front door: the allow-listed environment, where Sovereign's
/// files live, and the two output streams. Tests build one with their own writers and SOV_HOME.
/// </summary>
public sealed class CliContext(IEnvironment environment, TextWriter output, TextWriter error)
{
    private readonly Dictionary<string, SovConfig> _configs = new(StringComparer.Ordinal);
    private SovPaths? _paths;
    private ManagedPolicy? _policy;

    public IEnvironment Environment { get; } = environment;
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>Standard input when it is piped (not a terminal), else null; sov exec appends it to the prompt.</summary>
    public TextReader? Input { get; init; }

    /// <summary>Resolved on first use, so <c>sov --version</c> never looks at the environment.</summary>
    public SovPaths Paths => _paths ??= SovPaths.Resolve(Environment);

    /// <summary>
    /// Reads the managed policy (#20): the product's reads the path fixed at build time (Program.cs); tests give
    /// their own. A policy that cannot be trusted throws (exit 3).
    /// </summary>
    public Func<ManagedPolicy> PolicySource { get; init; } = () => ManagedPolicy.None;

    /// <summary>The managed policy, read on first use (the front door reads it before any command runs).</summary>
    public ManagedPolicy Policy
    {
        get
        {
            lock (_configs)
            {
                return _policy ??= PolicySource();
            }
        }
    }

    /// <summary>
    /// The typed configuration (user config.toml and the workspace's .sov/config.toml), read once per run and
    /// workspace, with the managed policy laid over it (<see cref="PolicyClamp"/>); every command and border takes its
    /// piece from here. A config error is thrown each time asked.
    /// </summary>
    public SovConfig Config(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_configs)
        {
            if (!_configs.TryGetValue(workspace.Root, out var config))
            {
                config = PolicyClamp.Apply(SovConfigReader.Read(Paths, workspace), Policy);
                _configs[workspace.Root] = config;
            }

            return config;
        }
    }
}
