using Sov.Core.Permissions.Shell;

namespace Sov.Core.Permissions;

/// <summary>
/// Decides whether an action may run, must be asked about, or is refused. Order: the border's own
/// refusals (protected paths, writes outside the workspace), then deny rules, then ask rules, then the
/// mode and allow rules; the session's "always" grants (<see cref="Grants"/>) answer only what would otherwise be asked.
/// Deny beats ask beats allow; anything not proven safe is asked, never allowed. Plan mode refuses everything but
/// reading right after the deny rules (#17): no ask or allow rule lets a write, command or MCP call run while planning.
/// A front end with nobody to ask (headless) treats <see cref="Verdict.Ask"/> as a refusal.
/// </summary>
public sealed class PermissionPolicy(PermissionMode mode, PermissionRules rules, bool sandboxAvailable)
{
    public PermissionMode Mode { get; } = mode;
    public PermissionRules Rules { get; } = rules;
    public bool SandboxAvailable { get; } = sandboxAvailable;

    /// <summary>The person's "always" answers of this session: exact allows, consulted only where the policy would otherwise ask.</summary>
    public SessionGrants Grants { get; init; } = new();

    /// <summary>
    /// The managed policy's <c>permissions.max_mode</c> (#20), kept so a mode switched during the session (<c>/mode</c>,
    /// Shift+Tab, a plan's approval, an editor's <c>session/set_mode</c>) is held to it too; null: no cap.
    /// </summary>
    public PermissionMode? MaxMode { get; init; }

    /// <summary>
    /// True when shell commands run in the editor's terminal (<c>sov acp</c> with <c>[acp] editor_terminal</c>, #18): outside the
    /// sandbox, so every command is decided as when bubblewrap is missing: asked, marked UNSANDBOXED, never let through by a mode.
    /// </summary>
    public bool EditorTerminal { get; init; }

    /// <summary>True when a shell command runs outside the sandbox (no bubblewrap, or the editor's terminal).</summary>
    public bool CommandsUnsandboxed => !SandboxAvailable || EditorTerminal;

    public PermissionDecision DecideRead(PathAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (FirstMatch(Rules.Deny, RuleKind.Read, access.RulePath) is { } deny)
        {
            return PermissionDecision.Deny($"reading {access.RulePath} matches deny rule '{deny}'") with { Rule = $"deny {deny}" };
        }

        if (FirstMatch(Rules.Ask, RuleKind.Read, access.RulePath) is { } ask)
        {
            return PermissionDecision.Ask($"reading {access.RulePath} matches ask rule '{ask}'") with { Rule = $"ask {ask}" };
        }

        if (!access.InsideWorkspace)
        {
            return FirstMatch(Rules.Allow, RuleKind.Read, access.RulePath) is { } allow
                ? PermissionDecision.Allow($"reading outside the workspace allowed by rule '{allow}'") with { Rule = $"allow {allow}" }
                : Grants.Or(RuleKind.Read, access.RulePath, PermissionDecision.Ask($"{access.RulePath} is outside the workspace"));
        }

        return PermissionDecision.Allow("reads inside the workspace are free");
    }

    /// <summary>True when some deny or ask rule is about reading: only then do walks and the sandbox need to check paths.</summary>
    public bool HasReadRules => Rules.Deny.Concat(Rules.Ask).Any(r => r.Kind == RuleKind.Read);

    /// <summary>True when no deny or ask read rule matches <paramref name="rulePath"/> (workspace-relative, '/'-separated).</summary>
    public bool ReadsFreely(string rulePath) =>
        FirstMatch(Rules.Deny, RuleKind.Read, rulePath) is null && FirstMatch(Rules.Ask, RuleKind.Read, rulePath) is null;

    public PermissionDecision DecideWrite(PathAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (!access.InsideWorkspace)
        {
            return PermissionDecision.Deny($"{access.RulePath} is outside the workspace; tools write only inside it");
        }

        if (access.Protected)
        {
            return PermissionDecision.Deny($"{access.RulePath} is a protected path (git config and hooks, .sov/, editor settings are read-only)");
        }

        if (FirstMatch(Rules.Deny, RuleKind.Write, access.RulePath) is { } deny)
        {
            return PermissionDecision.Deny($"writing {access.RulePath} matches deny rule '{deny}'") with { Rule = $"deny {deny}" };
        }

        if (Mode == PermissionMode.Plan)
        {
            return PermissionDecision.Deny(PlanRefusal($"writing {access.RulePath}"));
        }

        if (Mode == PermissionMode.ReadOnly)
        {
            return PermissionDecision.Deny("read-only mode: no file is written");
        }

        if (FirstMatch(Rules.Ask, RuleKind.Write, access.RulePath) is { } ask)
        {
            return PermissionDecision.Ask($"writing {access.RulePath} matches ask rule '{ask}'") with { Rule = $"ask {ask}" };
        }

        if (Mode >= PermissionMode.AutoEdit)
        {
            return PermissionDecision.Allow($"{Mode.Name()}: writes inside the workspace are free");
        }

        return FirstMatch(Rules.Allow, RuleKind.Write, access.RulePath) is { } allow
            ? PermissionDecision.Allow($"writing {access.RulePath} allowed by rule '{allow}'") with { Rule = $"allow {allow}" }
            : Grants.Or(RuleKind.Write, access.RulePath, PermissionDecision.Ask($"write {access.RulePath}"));
    }

    public PermissionDecision DecideShell(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var analysis = ShellAnalysis.Of(command);
        var denyRules = Rules.Deny.Where(r => r.Kind == RuleKind.Shell).ToList();
        foreach (var (segment, texts) in analysis.Segments)
        {
            if (denyRules.FirstOrDefault(r => texts.Any(r.MatchesCommand)) is { } deny)
            {
                return PermissionDecision.Deny($"'{Shorten(segment.Text)}' matches deny rule '{deny}'") with { Rule = $"deny {deny}" };
            }
        }

        if (Mode == PermissionMode.Plan)
        {
            return PermissionDecision.Deny(PlanRefusal("running a command"));
        }

        var unprovable = analysis.Incomplete && denyRules.Count > 0
            ? PermissionDecision.Ask("the command could not be analysed completely, so deny rules cannot be ruled out")
            : null;
        var askRules = Rules.Ask.Where(r => r.Kind == RuleKind.Shell).ToList();
        foreach (var (segment, texts) in analysis.Segments)
        {
            if (askRules.FirstOrDefault(r => texts.Any(r.MatchesCommand)) is { } ask)
            {
                return Unsandboxed(PermissionDecision.Ask($"'{Shorten(segment.Text)}' matches ask rule '{ask}'") with { Rule = $"ask {ask}" });
            }
        }

        var allowRules = Rules.Allow.Where(r => r.Kind == RuleKind.Shell).ToList();
        var unmatched = analysis.Segments.Where(s => !allowRules.Any(r => r.MatchesCommand(s.Segment.Text))).ToList();
        var approvedByRules = analysis.Reasons.Count == 0 && analysis.NotApprovable.Count == 0 && !analysis.Incomplete
            && unmatched.Count == 0 && analysis.Segments.Count > 0;

        if (CommandsUnsandboxed)
        {
            // A session grant may answer this ask, unless deny rules cannot be ruled out.
            var ask = Unsandboxed(PermissionDecision.Ask(EditorTerminal
                ? "the command would run in the editor's terminal, UNSANDBOXED"
                : "bubblewrap is unavailable: the command would run UNSANDBOXED"));
            return Mode == PermissionMode.ReadOnly && !approvedByRules
                ? PermissionDecision.Deny("read-only mode: only commands every part of which an allow rule approves may run")
                : unprovable is null ? Grants.Or(RuleKind.Shell, command, ask) : ask;
        }

        if (unprovable is not null)
        {
            return Mode == PermissionMode.ReadOnly ? PermissionDecision.Deny(unprovable.Reason) : unprovable;
        }

        if (approvedByRules)
        {
            var approving = analysis.Segments.Select(s => allowRules.First(r => r.MatchesCommand(s.Segment.Text))).Distinct();
            return PermissionDecision.Allow("every part of the command matches an allow rule") with { Rule = "allow " + string.Join(", ", approving) };
        }

        if (Mode == PermissionMode.FullAuto)
        {
            return analysis.Reasons.Count > 0 && denyRules.Count > 0
                ? PermissionDecision.Ask($"full-auto, but the command {string.Join("; ", analysis.Reasons)}, so deny rules cannot be ruled out")
                : PermissionDecision.Allow("full-auto: commands run free inside the sandbox");
        }

        var why = analysis.Reasons.Count > 0
            ? $"the command {string.Join("; ", analysis.Reasons)}"
            : unmatched.Count > 0 ? $"no allow rule matches '{Shorten(unmatched[0].Segment.Text)}'"
            : analysis.NotApprovable.Count > 0 ? string.Join("; ", analysis.NotApprovable) : "the command is empty";
        return Mode == PermissionMode.ReadOnly
            ? PermissionDecision.Deny($"read-only mode: {why}")
            : Grants.Or(RuleKind.Shell, command, PermissionDecision.Ask(why));
    }

    /// <summary>
    /// A call of an MCP server's tool: deny and ask rules (<c>mcp:SERVER/TOOL</c>) first; read-only mode runs only
    /// what an allow rule names; an allow rule or full-auto (the person configured the server) runs it; else ask.
    /// MCP tools are never taken as read-only on the server's word.
    /// </summary>
    public PermissionDecision DecideMcp(string server, string tool)
    {
        var subject = $"{server}/{tool}";
        if (Rules.Deny.FirstOrDefault(r => r.MatchesMcp(subject)) is { } deny)
        {
            return PermissionDecision.Deny($"MCP tool {subject} matches deny rule '{deny}'") with { Rule = $"deny {deny}" };
        }

        if (Mode == PermissionMode.Plan)
        {
            return PermissionDecision.Deny(PlanRefusal($"MCP tool {subject}"));
        }

        if (Rules.Ask.FirstOrDefault(r => r.MatchesMcp(subject)) is { } ask)
        {
            return PermissionDecision.Ask($"MCP tool {subject} matches ask rule '{ask}'") with { Rule = $"ask {ask}" };
        }

        if (Rules.Allow.FirstOrDefault(r => r.MatchesMcp(subject)) is { } allow)
        {
            return PermissionDecision.Allow($"MCP tool {subject} allowed by rule '{allow}'") with { Rule = $"allow {allow}" };
        }

        return Mode switch
        {
            PermissionMode.ReadOnly => PermissionDecision.Deny($"read-only mode: MCP tool {subject} may change things (an allow rule mcp:{subject} would let it run)"),
            PermissionMode.FullAuto => PermissionDecision.Allow("full-auto: MCP tools of configured servers run free"),
            _ => Grants.Or(RuleKind.Mcp, subject, PermissionDecision.Ask($"call MCP tool {subject}")),
        };
    }

    /// <summary>
    /// A call that reaches <paramref name="origin"/> over the network: refused in read-only mode, else asked (the sandbox
    /// has no network, so not even full-auto lets a tool reach out unasked). No rule kind names origins yet.
    /// </summary>
    public PermissionDecision DecideNetwork(string origin) => Mode switch
    {
        PermissionMode.Plan => PermissionDecision.Deny(PlanRefusal($"reaching {origin}")),
        PermissionMode.ReadOnly => PermissionDecision.Deny($"read-only mode: no tool reaches {origin}"),
        _ => PermissionDecision.Ask($"reach {origin} over the network"),
    };

    /// <summary>A call that does not say what it touches: asked about, and refused in plan mode (it may change anything).</summary>
    public PermissionDecision DecideUnknown(string tool) => Mode == PermissionMode.Plan
        ? PermissionDecision.Deny(PlanRefusal($"{tool}, which may change things,"))
        : PermissionDecision.Ask($"{tool} may change things");

    /// <summary>
    /// Why plan mode refused <paramref name="what"/>, in words for the model: nothing but reading runs until the person
    /// approves a plan, so the model should finish its plan and hand it over with <c>exit_plan</c>.
    /// </summary>
    public static string PlanRefusal(string what) =>
        $"plan mode: {what} is refused without asking; only reading is allowed until the person approves a plan. " +
        "Finish your plan and call exit_plan with it";

    private PermissionDecision Unsandboxed(PermissionDecision decision) =>
        CommandsUnsandboxed ? decision with { Unsandboxed = true } : decision;

    /// <summary>The first rule of <paramref name="kind"/> naming the path or a folder it is in (<c>read:secrets</c> covers <c>secrets/key</c>).</summary>
    private static PermissionRule? FirstMatch(IReadOnlyList<PermissionRule> list, RuleKind kind, string path) =>
        list.FirstOrDefault(r => r.Kind == kind && (r.MatchesPath(path) || Folders(path).Any(r.MatchesPath)));

    private static IEnumerable<string> Folders(string path)
    {
        for (var slash = path.IndexOf('/', 1); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
