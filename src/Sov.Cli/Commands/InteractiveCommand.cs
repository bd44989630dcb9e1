using System.CommandLine;
using Sov.Borders.FileSystem;
using Sov.Cli.Interactive;
using Sov.Cli.Terminal;
using Sov.Cli.Terminal.Input;
using Sov.Core;
using Sov.Core.Config;
using Sov.Core.Files;

namespace Sov.Cli.Commands;

/// <summary>
/// <c>sov</c> with no subcommand: the interactive session in the current folder. On a terminal it uses
/// the line editor and colour (unless NO_COLOR); with text piped in, each line is a submission and the
/// output is plain text; with nothing at all on stdin it says what it would do.
/// </summary>
internal static class InteractiveCommand
{
    private static readonly Option<bool> Continue = new("--continue", "-c") { Description = "Resume the last session in this workspace" };
    private static readonly Option<string?> Resume = new("--resume", "-r")
    {
        Description = "Resume a session by ID (without an ID: list this workspace's sessions and resume the newest)",
        Arity = ArgumentArity.ZeroOrOne,
        HelpName = "ID",
    };

    private static readonly Option<string?> Endpoint = SessionOptions.Endpoint();
    private static readonly Option<string?> Model = SessionOptions.Model();
    private static readonly Option<string?> ApiKeyEnv = SessionOptions.ApiKeyEnv();
    private static readonly Option<string?> Profile = SessionOptions.Profile();
    private static readonly Option<string?> Workspace = SessionOptions.Workspace();

    /// <summary>Shown in <c>sov --help</c>; a command line carrying it is run as <c>sov exec</c> (ExecCommand.RewriteRootAlias).</summary>
    private static readonly Option<string?> Prompt = new("--prompt", "-p")
    {
        Description = "Run one task headless and exit, as 'sov exec PROMPT' (every exec option applies)",
        HelpName = "PROMPT",
    };
    private static readonly Option<string?> Mode = new("--mode")
    {
        Description = "Permission mode: plan, read-only, ask (default), auto-edit, full-auto (or [permissions] mode in config.toml; Shift+Tab cycles)",
    };

    public static void Configure(RootCommand root, CliContext context)
    {
        Mode.AcceptOnlyFromAmong([.. Sov.Core.Permissions.PermissionModes.Names]);
        foreach (var option in new Option[] { Prompt, Continue, Resume, Endpoint, Model, ApiKeyEnv, Profile, Workspace, Mode })
        {
            root.Options.Add(option);
        }

        root.SetAction((parsed, cancellationToken) => RunAsync(context, parsed, cancellationToken));
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult parsed, CancellationToken cancellationToken)
    {
        var root = SessionOptions.Root(parsed.GetValue(Workspace));
        var terminal = context.Input is null && !Console.IsOutputRedirected;
        var color = terminal && context.Environment.Get("NO_COLOR") is null && context.Environment.Get("TERM") is not "dumb";
        var surface = new TerminalSurface(context.Out, color, () => terminal ? SafeWidth() : 100);
        IPromptInput input;
        if (terminal)
        {
            var redactor = new Core.Secrets.Redactor();
            var history = new InputHistory(InputHistory.FileFor(context.Paths.HistoryDir, root), s => redactor.Redact(s).Text);
            var keys = new ConsoleKeySource();
            input = new EditorInput(new LineEditor(keys, surface, history), new AnswerGuard(keys, AnswerGuard.Time));
        }
        else if (context.Input is { } piped && piped.Peek() >= 0)
        {
            input = new PipedInput(piped, context.Out);
        }
        else
        {
            return NothingToRead(context, surface, parsed, root);
        }

        var options = new InteractiveOptions(
            new SettingsOverrides
            {
                Endpoint = parsed.GetValue(Endpoint),
                Model = parsed.GetValue(Model),
                ApiKeyEnv = parsed.GetValue(ApiKeyEnv),
                Profile = parsed.GetValue(Profile),
            },
            parsed.GetValue(Continue),
            parsed.GetResult(Resume) is not null,
            parsed.GetValue(Resume),
            parsed.GetValue(Mode),
            root);
        return await InteractiveSession.RunAsync(context, surface, input, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>No terminal and nothing piped in: say what sov would do, and whether a model is configured.</summary>
    private static int NothingToRead(CliContext context, TerminalSurface surface, ParseResult parsed, string root)
    {
        var settings = ConfigLoader.Load(context.Config(new Workspace(root, new NativeFileSystem())), context.Environment,
            new SettingsOverrides { Endpoint = parsed.GetValue(Endpoint), Profile = parsed.GetValue(Profile) });
        if (settings.Endpoint is null)
        {
            FirstRun.Print(surface, new ConfigException(
                "No model endpoint is configured (and with nothing to read on stdin, none was looked for on loopback).",
                "Pass --endpoint URL, set SOV_ENDPOINT, or run 'sov' on a terminal to find a local server."), context.Paths.ConfigFile);
            return ExitCodes.Environment;
        }

        surface.WriteLine($"Sovereign {VersionInfo.Version}: a terminal coding agent for self-hosted models (endpoint {settings.Endpoint}).");
        surface.WriteLine("Run 'sov' on a terminal for an interactive session, pipe prompts in, or use 'sov exec \"TASK\"' in scripts; 'sov --help' lists every command.");
        return ExitCodes.Ok;
    }

    private static int SafeWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
