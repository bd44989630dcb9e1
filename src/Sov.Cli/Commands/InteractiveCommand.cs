using Sov.Core;

namespace Sov.Cli.Commands;

/// <summary><c>sov</c> with no subcommand: the interactive session (not built yet: says what it will do).</summary>
internal static class InteractiveCommand
{
    public static int Run(CliContext context)
    {
        context.Out.WriteLine($"""
            Sovereign {VersionInfo.Version}: a terminal coding agent for self-hosted models.

            Running 'sov' in a folder will open an interactive session there: you chat with your own
            model (vLLM, SGLang, llama.cpp, Ollama, LM Studio) and it reads, edits and runs code
            under your rules. Nothing leaves this machine except to the hosts you name, shell commands
            run in a bubblewrap sandbox, hidden Unicode is caught both ways, and every crossing is
            written to a hash-chained journal.

            This build has the foundation only. Try 'sov --help' for the commands being built.
            """);
        return ExitCodes.Ok;
    }
}
