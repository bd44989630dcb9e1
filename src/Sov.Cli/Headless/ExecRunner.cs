using System.Text.RegularExpressions;
using Sov.Borders.Environment;
using Sov.Cli.Audit;
using Sov.Core.Audit;
using Sov.Borders.Network;
using Sov.Core;
using Sov.Core.Agent;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Permission;
using Sov.Core.Agent.Submissions;
using Sov.Core.Config;
using Sov.Core.Files;
using Sov.Core.Models;
using Sov.Core.Prompts;
using Sov.Core.Tools;

namespace Sov.Cli.Headless;

/// <summary>
/// Puts one headless run together: settings by precedence, the endpoint (configured, or found on
/// loopback), the key from the named variable only, an HttpClient from the egress gate, the system
/// prompt, the agent session with the headless permission gate; then prints its events.
/// </summary>
internal static partial class ExecRunner
{
    public static async Task<int> RunAsync(CliContext context, ExecRequest request, CancellationToken cancellationToken)
    {
        var workspace = new Workspace(request.WorkspaceRoot);
        var settings = ConfigLoader.Load(context.Paths, context.Environment, workspace.Root, request.Flags);
        IEventPrinter printer = request.Format switch
        {
            OutputFormat.Json => new JsonPrinter(context.Out),
            OutputFormat.StreamJson => new StreamJsonPrinter(context.Out),
            _ => new TextPrinter(context.Out, context.Error),
        };

        // The journal opens before anything crosses a border, and every HttpClient reports to it (audit room).
        var borders = BorderConfig.Load(context.Paths.ConfigFile);
        using var journal = SessionJournal.Start(context, borders, SessionJournal.Info(context, "exec", workspace.Root,
            settings.Model ?? "(first the server lists)", settings.Endpoint ?? "(discovered on loopback)", "headless"));
        EgressOptions Egress(IEnumerable<Uri> origins, string purpose) => new([.. origins])
        {
            Proxy = borders.Proxy,
            CaFile = borders.CaFile,
            Redactor = journal.Redactor,
            Observer = journal.Observer,
            Purpose = purpose,
        };

        var (baseUrl, discoveredModels) = await ResolveEndpointAsync(settings, Egress, cancellationToken).ConfigureAwait(false);
        var apiKey = ReadApiKey(context, settings.ApiKeyEnv);
        using var http = HttpClients.Create(Egress([new Uri(baseUrl.GetLeftPart(UriPartial.Authority))], "model"));
        var model = settings.Model
            ?? discoveredModels?.FirstOrDefault()
            ?? (await ModelCatalog.TryListAsync(http, baseUrl, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false))?.FirstOrDefault()
            ?? throw new ConfigException(
                $"No model name is configured and {baseUrl}/models lists none.",
                "Pass --model NAME (the name your server serves), or set model in config.toml.");

        if (settings.Model is null || settings.Endpoint is null)
        {
            journal.Journal.Append(new Sov.Core.Audit.Records.ModelSelectedRecord(baseUrl.ToString(), model));
        }

        var endpoint = new ModelEndpoint(baseUrl, model, apiKey);
        var clientOptions = new ModelClientOptions
        {
            FirstByteTimeout = settings.FirstByteTimeoutSeconds is { } fb ? TimeSpan.FromSeconds(fb) : new ModelClientOptions().FirstByteTimeout,
            IdleTimeout = settings.IdleTimeoutSeconds is { } idle ? TimeSpan.FromSeconds(idle) : new ModelClientOptions().IdleTimeout,
        };
        using var client = new OpenAiCompatibleChatClient(http, endpoint, clientOptions);
        var tools = ToolRegistry.ReadOnlyBuiltIns();
        var environment = new EnvironmentContext(
            workspace.Root,
            EnvironmentContext.CurrentOsFamily(),
            DateOnly.FromDateTime(DateTime.UtcNow),
            SystemPrompt.ReadAgentsMd(workspace.Root));
        var options = new AgentOptions
        {
            Instructions = SystemPrompt.Build(environment, settings.Instructions),
            MaxTurns = settings.MaxTurns ?? new AgentOptions().MaxTurns,
        };

        printer.Start(new SessionInfo(model, baseUrl.ToString(), workspace.Root, [.. tools.All.Select(t => t.Name)]));
        foreach (var warning in settings.Warnings)
        {
            printer.Print(new Warning(warning));
        }

        var permissions = new JournalingPermissionGate(new HeadlessPermissionGate(), journal.Journal, journal.Redactor, "mode");
        var sink = new JournalEventSink(journal.Journal, model);
        var session = new AgentSession(client, tools, new ToolContext(workspace), permissions, options);
        await using (session.ConfigureAwait(false))
        {
            using var onCancel = cancellationToken.Register(() => session.Submit(new Interrupt()));
            session.Submit(new UserTurn(request.Prompt));
            var exitCode = ExitCodes.Failed;
            await foreach (var agentEvent in session.Events.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                printer.Print(agentEvent);
                sink.Record(agentEvent);
                if (agentEvent is Error error)
                {
                    exitCode = error.ExitCode;
                }

                if (agentEvent is TurnCompleted done)
                {
                    exitCode = done.Outcome switch
                    {
                        TurnOutcome.Completed => ExitCodes.Ok,
                        TurnOutcome.Interrupted => ExitCodes.Interrupted,
                        TurnOutcome.MaxTurns => ExitCodes.Failed,
                        _ => exitCode,
                    };
                    break;
                }
            }

            printer.Finish(exitCode);
            journal.Finish(exitCode);
            return exitCode;
        }
    }

    private static async Task<(Uri BaseUrl, IReadOnlyList<string>? Models)> ResolveEndpointAsync(
        SovSettings settings, Func<IEnumerable<Uri>, string, EgressOptions> egress, CancellationToken cancellationToken)
    {
        if (settings.Endpoint is { } configured)
        {
            return (ModelEndpoint.ParseBaseUrl(configured), null);
        }

        using var probe = HttpClients.Create(egress(EndpointDiscovery.Candidates.Select(c => new Uri(c.BaseUrl.GetLeftPart(UriPartial.Authority))), "discovery"));
        var found = await EndpointDiscovery.DiscoverAsync(probe, TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        return found is { } f
            ? (f.BaseUrl, f.Models)
            : throw new ConfigException(
                "No model endpoint is configured, and none answers on loopback (Ollama 11434, vLLM 8000, llama.cpp 8080, LM Studio 1234).",
                "Start one ('ollama serve', 'vllm serve MODEL', 'llama-server -m MODEL.gguf'), or pass --endpoint URL.");
    }

    private static string? ReadApiKey(CliContext context, string? variable)
    {
        if (variable is null)
        {
            return null;
        }

        if (!VariableName().IsMatch(variable))
        {
            throw new ConfigException(
                $"'{variable}' is not an environment variable name.",
                "Pass the NAME of the variable holding the key, e.g. --api-key-env VLLM_API_KEY (never the key itself).");
        }

        var environment = context.Environment is AllowedEnvironment allowed ? allowed.With(variable) : context.Environment;
        return environment.Get(variable) ?? throw new ConfigException(
            $"The variable {variable} named by --api-key-env is unset or empty.",
            $"Export {variable} with the API key, or drop --api-key-env if the server needs no key.");
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
