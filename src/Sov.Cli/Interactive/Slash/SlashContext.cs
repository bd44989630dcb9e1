using Sov.Cli.Session;
using Sov.Cli.Terminal;
using Sov.Core.Agent;

namespace Sov.Cli.Interactive.Slash;

/// <summary>What the slash commands work on: the terminal session's parts, shared, and what it does for them.</summary>
internal sealed record SlashContext(
    CliContext Context,
    TerminalSurface Surface,
    PreparedAgent Agent,
    AgentSession Session,
    InteractivePermissionGate Gate,
    TurnView View,
    TurnDriver Driver,
    SessionStore Store,
    ContextMeter Meter,
    CustomCommands Custom,
    ITerminalTurns Turns,
    IPromptInput Input);
