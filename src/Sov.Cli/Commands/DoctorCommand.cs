using System.CommandLine;
using Sov.Borders.FileSystem;
using Sov.Borders.Sandbox;
using Sov.Cli.Audit;
using Sov.Cli.Session;
using Sov.Core;
using Sov.Core.Config;
using Sov.Core.Files;
using Sov.Core.Permissions;
using Sov.Core.Sessions;

namespace Sov.Cli.Commands;

/// <summary>
/// <c>sov doctor</c>: the one command that checks everything a session depends on and says what to fix:
/// the configuration (every table, unknown keys), the model endpoint (reachable, serving the model, its
/// context window), the sandbox with its capabilities and seccomp filter, and that the journal can be
/// written. Exit 0 when everything works, 3 when something needs fixing. Its requests to the endpoint go
/// through the egress gate and are journaled like any session's.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create(CliContext context)
    {
        var endpoint = SessionOptions.Endpoint();
        var model = SessionOptions.Model();
        var profile = SessionOptions.Profile();
        var command = new Command("doctor", "Check the configuration, endpoint, model, sandbox and journal; exit 3 if anything needs fixing")
        {
            endpoint, model, profile,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var report = new DoctorReport(context.Out);
            var workspace = new Workspace(Directory.GetCurrentDirectory(), new NativeFileSystem());
            var flags = new SettingsOverrides { Endpoint = parsed.GetValue(endpoint), Model = parsed.GetValue(model), Profile = parsed.GetValue(profile) };
            var configOk = await CheckConfigAsync(context, report, workspace, flags).ConfigureAwait(false);
            await CheckJournalAsync(context, report).ConfigureAwait(false);
            if (configOk)
            {
                await CheckEndpointAsync(context, report, workspace.Root, flags, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await report.BadAsync("endpoint", "not checked: the configuration must load first", "Fix the configuration above, then run 'sov doctor' again.").ConfigureAwait(false);
            }

            var sandbox = await SandboxProbe.CheckAsync(SandboxFactory.Settings(workspace.Root, context.Paths), cancellationToken).ConfigureAwait(false);
            if (sandbox.Available)
            {
                await report.OkAsync("sandbox", sandbox.Detail).ConfigureAwait(false);
            }
            else
            {
                await report.BadAsync("sandbox", $"UNAVAILABLE: {sandbox.Detail}",
                    $"{sandbox.Remedy} Without it full-auto is refused and every shell command asks, marked UNSANDBOXED.").ConfigureAwait(false);
            }

            await report.InfoAsync("workspace", workspace.Root).ConfigureAwait(false);
            await report.InfoAsync("state", context.Paths.StateDir).ConfigureAwait(false);
            return report.Failed ? ExitCodes.Environment : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>config.toml and .sov/config.toml through the one loader: every key type-checked, unknown keys named with their line.</summary>
    private static async Task<bool> CheckConfigAsync(CliContext context, DoctorReport report, Workspace workspace, SettingsOverrides flags)
    {
        var file = context.Paths.ConfigFile;
        try
        {
            var config = context.Config(workspace);
            var settings = ConfigLoader.Load(config, context.Environment, flags);
            PermissionSettings.From(config, null);
            var servers = config.McpServers;
            var where = File.Exists(file) ? file : $"{file} (not created yet; defaults apply)";
            await report.OkAsync("config", servers.Count > 0 ? $"{where}; {servers.Count} MCP server(s)" : where).ConfigureAwait(false);
            foreach (var warning in settings.Warnings)
            {
                await report.WarnAsync("config", warning).ConfigureAwait(false);
            }

            return true;
        }
        catch (ConfigException e)
        {
            await report.BadAsync("config", e.Message, e.Remedy).ConfigureAwait(false);
            return false;
        }
    }

    private static async Task CheckEndpointAsync(CliContext context, DoctorReport report, string root, SettingsOverrides flags, CancellationToken cancellationToken)
    {
        PreparedAgent agent;
        try
        {
            agent = await PreparedAgent.PrepareAsync(context, flags, root, cancellationToken, kind: "doctor", permissionMode: "none").ConfigureAwait(false);
        }
        catch (SovException e)
        {
            await report.BadAsync("endpoint", e.Message, e.Remedy).ConfigureAwait(false);
            return;
        }

        using (agent)
        {
            var served = await agent.ServedModelsAsync(cancellationToken).ConfigureAwait(false);
            if (served is null)
            {
                await report.BadAsync("endpoint", $"{agent.BaseUrl} does not answer GET /models", "Start the server, or check the endpoint's host, port and path.").ConfigureAwait(false);
            }
            else
            {
                await report.OkAsync("endpoint", $"{agent.BaseUrl} answers; it serves {Served(served)}").ConfigureAwait(false);
                if (served.Count > 0 && !served.Contains(agent.Model, StringComparer.Ordinal))
                {
                    await report.BadAsync("model", $"'{agent.Model}' is not among the models {agent.BaseUrl} serves",
                        $"Set model in config.toml (or --model) to one of: {Served(served)}.").ConfigureAwait(false);
                }
                else
                {
                    await report.OkAsync("model", agent.Model).ConfigureAwait(false);
                }
            }

            // #16: the window the server says (llama.cpp /props, vLLM max_model_len, Ollama /api/show, LM Studio) before any guess.
            var learnt = served is null ? Core.Models.ServerWindow.Unknown
                : await Core.Models.ContextProbe.ProbeAsync(agent.Http, agent.Client.Endpoint, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            var window = ContextWindow.For(agent.Model, agent.Settings.ContextWindow);
            if (learnt.Tokens is { } tokens)
            {
                var said = $"{tokens:N0} tokens ({learnt.Server}: {learnt.From})";
                await (agent.Settings.ContextWindow is { } configured && configured > tokens
                    ? report.WarnAsync("context", $"{said}; context_window {configured:N0} is larger, the server's window holds")
                    : report.OkAsync("context", said)).ConfigureAwait(false);
            }
            else if (agent.Settings.ContextWindow is not null)
            {
                await report.OkAsync("context", $"{window:N0} tokens (context_window in config)").ConfigureAwait(false);
            }
            else if (!ContextWindow.IsKnown(agent.Model))
            {
                await report.WarnAsync("context", $"{window:N0} tokens assumed: '{agent.Model}' is not a model family sov knows; set context_window in config.toml to the server's real window (e.g. llama-server -c, vLLM --max-model-len, Ollama num_ctx)").ConfigureAwait(false);
            }
            else
            {
                await report.OkAsync("context", $"{window:N0} tokens (the model family's default; set context_window if the server runs it with less)").ConfigureAwait(false);
            }

            agent.Journal.Finish(report.Failed ? ExitCodes.Environment : ExitCodes.Ok);
        }
    }

    private static string Served(IReadOnlyList<string> served) =>
        served.Count == 0 ? "no models it lists" : string.Join(", ", served.Take(8)) + (served.Count > 8 ? $" and {served.Count - 8} more" : "");

    /// <summary>The journal folder can take a new file, created and removed again.</summary>
    private static async Task CheckJournalAsync(CliContext context, DoctorReport report)
    {
        var dir = context.Paths.JournalDir;
        try
        {
            PrivateFiles.CreateDirectory(dir);
            var probe = Path.Combine(dir, $".doctor-{Guid.NewGuid():N}.probe");
            try
            {
                using var stream = PrivateFiles.Open(probe, FileMode.CreateNew, FileShare.None, bufferSize: 0);
                stream.Write(new byte[4096]);
                stream.Flush(flushToDisk: true);
            }
            finally
            {
                File.Delete(probe); // nothing left behind, whether or not it could be written
            }

            await report.OkAsync("journal", $"{dir} is writable").ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SovException)
        {
            await report.BadAsync("journal", $"{dir} cannot be written: {PlainErrors.Describe(e)}", "Free space or fix the folder's owner and mode (sov keeps it 0700).").ConfigureAwait(false);
        }
    }
}
