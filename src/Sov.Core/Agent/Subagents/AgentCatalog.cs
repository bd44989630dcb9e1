using Sov.Core.Files;

namespace Sov.Core.Agent.Subagents;

/// <summary>
/// The agents the <c>task</c> tool can start: the built-in <c>general</c> one, then the person's files in the user
/// config's <c>agents/</c>, the project's <c>.claude/agents/</c> (a fallback, for Claude Code's files) and the project's
/// <c>.sov/agents/</c>, each <c>*.md</c>; a later source wins on a name clash. The project's files are read through the
/// file border (<see cref="ProjectFileBorder"/>: no symlink leading out, read rules, a cap); the person's own are trusted
/// but capped. What a file says is instruction only: a child never gets more than the session's tools, and every call
/// it makes passes the session's permission gate.
/// </summary>
public sealed class AgentCatalog
{
    private readonly Dictionary<string, AgentDefinition> _byName = new(StringComparer.Ordinal);

    public AgentCatalog(IEnumerable<AgentDefinition>? definitions = null, IReadOnlyList<string>? warnings = null)
    {
        _byName[AgentDefinition.General.Name] = AgentDefinition.General;
        foreach (var definition in definitions ?? [])
        {
            _byName[definition.Name] = definition;
        }

        Warnings = warnings ?? [];
    }

    /// <summary>Every agent, by name.</summary>
    public IReadOnlyList<AgentDefinition> All => [.. _byName.Values.OrderBy(d => d.Name == AgentDefinition.General.Name ? 0 : 1).ThenBy(d => d.Name, StringComparer.Ordinal)];

    /// <summary>One line per agent file that was skipped or refused, naming the file (and line) and why.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public AgentDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// The catalog with each agent's <c>model</c> kept only where <paramref name="refusal"/> (the managed policy's
    /// <c>model.models</c>) allows it; a refused one runs on the session's model, with a warning (review of #20: an agent
    /// file, even a project's, chose any model the endpoint serves, past the policy's list).
    /// </summary>
    public AgentCatalog WithAllowedModels(Func<string, string?> refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var warnings = new List<string>(Warnings);
        var definitions = new List<AgentDefinition>();
        foreach (var definition in _byName.Values)
        {
            if (definition.Model is { } model && refusal(model) is { } why)
            {
                warnings.Add($"Agent '{definition.Name}' ({definition.Source}): {why} It runs on the session's model.");
                definitions.Add(definition with { Model = null });
            }
            else
            {
                definitions.Add(definition);
            }
        }

        return new AgentCatalog(definitions, warnings);
    }

    public static AgentCatalog Load(string? userAgentsDir, ProjectFileBorder border)
    {
        ArgumentNullException.ThrowIfNull(border);
        var root = border.Workspace.Root;
        var found = new List<AgentDefinition>();
        var warnings = new List<string>();
        foreach (var (dir, own) in new[] { (userAgentsDir, true), (Path.Combine(root, ".claude", "agents"), false), (Path.Combine(root, ".sov", "agents"), false) })
        {
            if (dir is null || !Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dir, "*.md").Order(StringComparer.Ordinal))
            {
                var read = own ? ProjectFileBorder.ReadOwn(border.Workspace.Files, file) : border.Read(file);
                if (read is null)
                {
                    continue;
                }

                if (read.Status != ProjectFileStatus.Read)
                {
                    warnings.Add($"Agent file: {read.Note}; the agent is skipped.");
                    continue;
                }

                var (definition, warning) = AgentDefinitionParser.Parse(read.Text!, read.Display, Path.GetFileNameWithoutExtension(file).ToLowerInvariant());
                if (definition is not null)
                {
                    found.Add(definition);
                }
                else if (warning is not null)
                {
                    warnings.Add(warning);
                }
            }
        }

        return new AgentCatalog(found, warnings);
    }
}
