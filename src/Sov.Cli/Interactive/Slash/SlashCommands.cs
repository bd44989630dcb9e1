namespace Sov.Cli.Interactive.Slash;

/// <summary>The built-in slash commands, one class each, found by name.</summary>
internal static class SlashCommands
{
    private static readonly ISlashCommand[] All =
    [
        new HelpCommand(), new ModelCommand(), new ModeCommand(), new PlanCommand(), new UndoTurnCommand(), new RewindCommand(), new CompactCommand(), new ClearCommand(),
        new CostCommand(), new ReasoningCommand(), new AuditHeadCommand(), new PrivacyNoteCommand(), new ResumeSessionCommand(), new QuitCommand(),
    ];

    public static ISlashCommand? Find(string name) => All.FirstOrDefault(c => c.Names.Contains(name, StringComparer.Ordinal));
}
