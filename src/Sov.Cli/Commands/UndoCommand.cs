using System.CommandLine;

namespace Sov.Cli.Commands;

/// <summary><c>sov undo</c>: Undo the file changes of the last turn.</summary>
internal static class UndoCommand
{
    public static Command Create(CliContext context) =>
        NotYetBuilt.Create(context, "undo", "Undo the file changes of the last turn", "It will restore the files the last turn changed.");
}
