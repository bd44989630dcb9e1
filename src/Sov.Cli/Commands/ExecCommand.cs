using System.CommandLine;
using Sov.Cli.Headless;
using Sov.Core;
using Sov.Core.Config;

namespace Sov.Cli.Commands;

/// <summary><c>sov exec PROMPT</c> (also <c>sov -p PROMPT</c>): run one task headless and print the answer.</summary>
internal static class ExecCommand
{
    public static Command Create(CliContext context)
    {
        var prompt = new Argument<string?>("prompt") { Description = "The task; text piped on stdin is appended", Arity = ArgumentArity.ZeroOrOne };
        var promptOption = new Option<string?>("--prompt", "-p") { Description = "The task (same as the argument)" };
        var format = new Option<string>("--output-format")
        {
            Description = "text (answer on stdout), json (one object at the end) or stream-json (one event per line)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "stream-json");
        var maxTurns = new Option<int?>("--max-turns") { Description = "Most model requests for this task (default 30)" };
        var endpoint = SessionOptions.Endpoint();
        var model = SessionOptions.Model();
        var apiKeyEnv = SessionOptions.ApiKeyEnv();
        var profile = SessionOptions.Profile();
        var workspace = SessionOptions.Workspace();
        var mode = new Option<string?>("--mode") { Description = "Permissions: plan (prints a plan, writes nothing), read-only, ask (default), auto-edit or full-auto (sandboxed)" };
        mode.AcceptOnlyFromAmong([.. Sov.Core.Permissions.PermissionModes.Names]);
        var resume = new Option<bool>("--continue", "-c") { Description = "Resume the last session in this workspace (its history goes to the model first)" };

        var command = new Command("exec", "Run one task headless and print the answer (for scripts and CI)")
        {
            prompt, promptOption, format, maxTurns, endpoint, model, apiKeyEnv, profile, workspace, mode, resume,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var text = parsed.GetValue(prompt) ?? parsed.GetValue(promptOption);
            if (context.Input is { } input)
            {
                var piped = await ReadPipedAsync(context, input, waitForever: string.IsNullOrWhiteSpace(text), cancellationToken).ConfigureAwait(false);
                if (!string.IsNullOrWhiteSpace(piped))
                {
                    text = string.IsNullOrWhiteSpace(text) ? piped.Trim() : text + "\n\n" + piped.Trim();
                }
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                await context.Error.WriteLineAsync("sov exec: no task given.").ConfigureAwait(false);
                await context.Error.WriteLineAsync("  Pass it as an argument (sov exec \"explain src/main.c\") or pipe it on stdin.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (parsed.GetValue(maxTurns) is <= 0)
            {
                await context.Error.WriteLineAsync("sov exec: --max-turns must be at least 1.").ConfigureAwait(false);
                await context.Error.WriteLineAsync("  Pass a positive number, e.g. --max-turns 10.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var root = SessionOptions.Root(parsed.GetValue(workspace));
            var request = new ExecRequest(
                text,
                parsed.GetValue(format) switch { "json" => OutputFormat.Json, "stream-json" => OutputFormat.StreamJson, _ => OutputFormat.Text },
                new SettingsOverrides
                {
                    Endpoint = parsed.GetValue(endpoint),
                    Model = parsed.GetValue(model),
                    ApiKeyEnv = parsed.GetValue(apiKeyEnv),
                    MaxTurns = parsed.GetValue(maxTurns),
                    Profile = parsed.GetValue(profile),
                    Mode = parsed.GetValue(mode),
                },
                root,
                parsed.GetValue(resume));
            try
            {
                return await ExecRunner.RunAsync(context, request, cancellationToken).ConfigureAwait(false);
            }
            catch (SovException e) when (request.Format != OutputFormat.Text)
            {
                PreSessionFailure.Print(context.Out, request.Format, e);
                throw;
            }
        });
        return command;
    }

    /// <summary>How long a task given as an argument waits for piped stdin to start (an open pipe that never writes must not hang CI).</summary>
    public static readonly TimeSpan StdinStartWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Piped stdin, read to its end once it starts. When the task came as an argument and stdin stays
    /// silent (e.g. ssh or a CI runner holding an open pipe), it is ignored after <see cref="StdinStartWait"/>
    /// with a warning instead of hanging.
    /// </summary>
    private static async Task<string?> ReadPipedAsync(CliContext context, TextReader input, bool waitForever, CancellationToken cancellationToken)
    {
        var first = Task.Run(input.Peek, CancellationToken.None);
        if (!waitForever)
        {
            var started = await Task.WhenAny(first, Task.Delay(StdinStartWait, cancellationToken)).ConfigureAwait(false);
            if (started != first)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await context.Error.WriteLineAsync($"sov: warning: stdin is a pipe that sent nothing in {StdinStartWait.TotalSeconds:0} s; ignoring it (use < /dev/null to skip the wait).").ConfigureAwait(false);
                return null;
            }
        }

        if (await first.WaitAsync(cancellationToken).ConfigureAwait(false) < 0)
        {
            return null;
        }

        return await Task.Run(input.ReadToEnd, CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>sov [OPTIONS] -p PROMPT …</c> is <c>sov exec [OPTIONS] -p PROMPT …</c>: a <c>-p</c> anywhere
    /// before <c>--</c>, unless a subcommand was named first.</summary>
    public static string[] RewriteRootAlias(string[] args, IEnumerable<string> subcommands)
    {
        ArgumentNullException.ThrowIfNull(args);
        var names = subcommands.ToHashSet(StringComparer.Ordinal);
        foreach (var arg in args)
        {
            if (arg == "--" || names.Contains(arg))
            {
                return args;
            }

            if (arg is "-p" or "--prompt" || arg.StartsWith("--prompt=", StringComparison.Ordinal))
            {
                return ["exec", .. args];
            }
        }

        return args;
    }
}
