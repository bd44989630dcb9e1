using Sov.Borders.FileSystem;
using System.Text.RegularExpressions;
using Sov.Borders.Environment;
using Sov.Borders.Network;
using Sov.Cli.Audit;
using Sov.Core.Audit.Records;
using Sov.Core.Agent;
using Sov.Core.Config;
using Sov.Core.Files;
using Sov.Core.Models;
using Sov.Core.Permissions;
using Sov.Core.Policy;
using Sov.Core.Prompts;
using Sov.Core.Sessions;
using Sov.Core.Skills;

namespace Sov.Cli.Session;

/// <summary>
/// Everything an agent session needs, put together the same way for every front door (headless
/// <c>sov exec</c> and the interactive terminal): settings by precedence, the endpoint (configured, or
/// found on loopback), the key from the named variable only, an HttpClient from the egress gate, the
/// model client, the system prompt. <see cref="SessionWiring"/> builds the session on it.
/// The session's journal opens first, before anything crosses a border; every HttpClient reports to it
/// and redacts through it, and disposing seals it (<see cref="SessionJournal"/>).
/// </summary>
internal sealed partial class PreparedAgent : IDisposable
{
    private PreparedAgent(SovSettings settings, Workspace workspace, Uri baseUrl, HttpClient http,
        OpenAiCompatibleChatClient client, AgentOptions options, SessionJournal journal)
    {
        Journal = journal;
        Settings = settings;
        Workspace = workspace;
        BaseUrl = baseUrl;
        Http = http;
        Client = client;
        Options = options;
    }

    public SovSettings Settings { get; }

    /// <summary>The managed policy this session runs under (#20).</summary>
    public required ManagedPolicy Policy { get; init; }

    /// <summary>Egress options for a client of this session: the given origins only, journaled and redacted like the model's.</summary>
    public required Func<IEnumerable<Uri>, string, EgressOptions> Egress { get; init; }
    public Workspace Workspace { get; }
    public Uri BaseUrl { get; }
    /// <summary>The model requests go to now (<c>/model NAME</c> switches it between turns).</summary>
    public string Model => Client.Endpoint.Model;
    public HttpClient Http { get; }
    public OpenAiCompatibleChatClient Client { get; }
    public AgentOptions Options { get; }
    public SessionJournal Journal { get; }

    /// <summary>The session's one id (#14): its journal's, its session file's, the banner's and <c>--resume</c>'s.</summary>
    public string SessionId => Journal.Journal.Session;

    /// <summary>The saved session this one continues (its journal got a new segment), or null for a new session.</summary>
    public string? ResumePath { get; private init; }

    /// <summary>The workspace's sessions, newest first, when the newest was asked for (<c>--continue</c>, <c>--resume</c> alone).</summary>
    public IReadOnlyList<Core.Sessions.SessionSummary> Listed { get; private init; } = [];

    /// <summary>The AGENTS.md chain that went into the prompt, with any hidden characters found in it.</summary>
    public ProjectInstructions Instructions { get; private init; } = new(null, [], []);

    /// <summary>The skills whose names and descriptions went into the prompt (#17), with what was left out and why.</summary>
    public SkillCatalog Skills { get; private init; } = SkillCatalog.Empty;

    /// <summary>
    /// Switches to another model the endpoint serves: checked against its model list when it has one, then
    /// journaled (<c>model_selected</c>). Returns null on success, else why not, in one line.
    /// </summary>
    public async Task<string?> SwitchModelAsync(string model, CancellationToken cancellationToken)
    {
        if (Policy.ModelRefusal(model) is { } refused)
        {
            return refused;
        }

        var served = await ModelCatalog.TryListAsync(Http, BaseUrl, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        if (served is { Count: > 0 } && !served.Contains(model, StringComparer.Ordinal))
        {
            return $"{BaseUrl} does not serve '{model}'; it serves: {string.Join(", ", served)}.";
        }

        Client.SwitchModel(model);
        Journal.Journal.Append(new ModelSelectedRecord(BaseUrl.ToString(), model));
        return null;
    }

    /// <summary>The models the endpoint lists, or null when it does not answer.</summary>
    public Task<IReadOnlyList<string>?> ServedModelsAsync(CancellationToken cancellationToken) =>
        ModelCatalog.TryListAsync(Http, BaseUrl, TimeSpan.FromSeconds(10), cancellationToken);

    /// <param name="modeFlag">The <c>--mode</c> given, if any: the journal states the mode in effect (#14).</param>
    /// <param name="session">Which session to open (default: a new one); a continued one's journal gets a new segment.</param>
    /// <param name="permissionMode">Overrides the mode the journal states (<c>sov doctor</c> runs no tools: <c>none</c>).</param>
    public static async Task<PreparedAgent> PrepareAsync(CliContext context, SettingsOverrides flags, string workspaceRoot,
        CancellationToken cancellationToken, string kind = "exec", string? modeFlag = null, SessionChoice? session = null, string? permissionMode = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var workspace = new Workspace(workspaceRoot, new NativeFileSystem());
        var settings = ConfigLoader.Load(context.Config(workspace), context.Environment, flags);
        var borders = BorderConfig.From(context.Config(workspace));
        var (resumePath, listed) = (session ?? SessionChoice.New).Resolve(context.Paths.SessionsDir, workspace.Root);
        permissionMode ??= Core.Permissions.PermissionSettings.From(context.Config(workspace), modeFlag).Mode.Name();
        var journal = SessionJournal.Start(context, borders, SessionJournal.Info(context, kind, workspace.Root,
            settings.Model ?? "(first the server lists)", settings.Endpoint ?? "(discovered on loopback)", permissionMode),
            resumePath is null ? null : Path.GetFileNameWithoutExtension(resumePath));
        EgressOptions Egress(IEnumerable<Uri> origins, string purpose) => new([.. origins])
        {
            Proxy = borders.Proxy,
            CaFile = borders.CaFile,
            Redactor = journal.Redactor,
            Observer = journal.Observer,
            Purpose = purpose,
        };

        HttpClient? http = null;
        try
        {
            var policy = context.Config(workspace).Policy;
            var (baseUrl, discoveredModels) = await ResolveEndpointAsync(settings, policy, Egress, cancellationToken).ConfigureAwait(false);
            var apiKey = ReadApiKey(context, settings.ApiKeyEnv);
            http = HttpClients.Create(Egress([new Uri(baseUrl.GetLeftPart(UriPartial.Authority))], "model"));
            var model = settings.Model ?? policy.Models.FirstOrDefault() ?? discoveredModels?.FirstOrDefault() ?? await FirstServedAsync(http, baseUrl, cancellationToken).ConfigureAwait(false);
            policy.CheckModel(model);
            if (settings.Model is null || settings.Endpoint is null)
            {
                journal.Journal.Append(new ModelSelectedRecord(baseUrl.ToString(), model));
            }

            var endpoint = new ModelEndpoint(baseUrl, model, apiKey);
            var clientOptions = new ModelClientOptions
            {
                FirstByteTimeout = settings.FirstByteTimeoutSeconds is { } fb ? TimeSpan.FromSeconds(fb) : new ModelClientOptions().FirstByteTimeout,
                IdleTimeout = settings.IdleTimeoutSeconds is { } idle ? TimeSpan.FromSeconds(idle) : new ModelClientOptions().IdleTimeout,
                AnswerTimeout = settings.AnswerTimeoutSeconds is { } answer ? TimeSpan.FromSeconds(answer) : new ModelClientOptions().AnswerTimeout,
                ContextWindow = settings.ContextWindow, // #16: the server's own figure wins when smaller
            };
            var client = new OpenAiCompatibleChatClient(http, endpoint, clientOptions);
            var instructions = StartFiles.Instructions(context, workspace);
            foreach (var file in instructions.Files)
            {
                journal.Journal.Append(new ProjectFileRecord("instructions", file));
            }

            var skills = StartFiles.Skills(context, workspace);
            foreach (var file in skills.Files)
            {
                journal.Journal.Append(new ProjectFileRecord("skill", file));
            }

            var environment = new EnvironmentContext(
                workspace.Root,
                EnvironmentContext.CurrentOsFamily(),
                PromptDate(resumePath),
                instructions.Text);
            var options = new AgentOptions
            {
                Instructions = SystemPrompt.Build(environment, settings.Instructions) + SkillsPrompt.Section(skills),
                MaxTurns = settings.MaxTurns ?? new AgentOptions().MaxTurns,
                Secrets = journal.Redactor.Memory,
            };
            return new PreparedAgent(settings, workspace, baseUrl, http, client, options, journal) { Instructions = instructions, Skills = skills, Egress = Egress, Policy = policy, ResumePath = resumePath, Listed = listed };
        }
        catch
        {
            http?.Dispose();
            journal.Dispose(); // sealed "failed": the session ended before it began
            throw;
        }
    }

    /// <summary>The configured endpoint, checked against the managed policy before any request (so before any name is
    /// resolved); or one found on loopback among those the policy allows.</summary>
    private static async Task<(Uri BaseUrl, IReadOnlyList<string>? Models)> ResolveEndpointAsync(
        SovSettings settings, ManagedPolicy policy, Func<IEnumerable<Uri>, string, EgressOptions> egress, CancellationToken cancellationToken)
    {
        if (settings.Endpoint is { } configured)
        {
            var baseUrl = ModelEndpoint.ParseBaseUrl(configured);
            policy.CheckEndpoint(baseUrl);
            return (baseUrl, null);
        }

        if (policy.Endpoints.Count > 0)
        {
            return (policy.Endpoints[0], null); // the policy names the endpoints: the first one, never a probe elsewhere
        }

        using var probe = HttpClients.Create(egress(EndpointDiscovery.Candidates.Select(c => new Uri(c.BaseUrl.GetLeftPart(UriPartial.Authority))), "discovery"));
        var found = await EndpointDiscovery.DiscoverAsync(probe, TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        return found is { } f
            ? (f.BaseUrl, f.Models)
            : throw new ConfigException(
                "No model endpoint is configured, and none answers on loopback (Ollama 11434, vLLM 8000, llama.cpp 8080, LM Studio 1234).",
                "Start one ('ollama serve', 'vllm serve MODEL', 'llama-server -m MODEL.gguf'), or pass --endpoint URL.");
    }

    /// <summary>With no model named: the first the server lists; else why not, told apart: nothing answers
    /// (connection refused) or it answers with no models.</summary>
    private static async Task<string> FirstServedAsync(HttpClient http, Uri baseUrl, CancellationToken cancellationToken)
    {
        var (models, failure) = await ModelCatalog.ProbeAsync(http, baseUrl, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        return models?.FirstOrDefault() ?? throw (failure is not null
            ? new ConfigException($"The endpoint {baseUrl} does not answer: {failure}.",
                "Start the model server there, or correct --endpoint (host, port and path, e.g. http://127.0.0.1:8080/v1).")
            : new ConfigException($"No model name is configured and {baseUrl}/models lists none.",
                "Pass --model NAME (the name your server serves), or set model in config.toml."));
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

    public void Dispose()
    {
        Client.Dispose();
        Http.Dispose();
        Journal.Dispose();
    }

    /// <summary>
    /// The date the system prompt states: a resumed session keeps the date it began with, so its prompt (and the
    /// server's cache of the conversation) stays the same; a new session states today's date.
    /// </summary>
    private static DateOnly PromptDate(string? resumePath) =>
        DateOnly.FromDateTime((resumePath is null ? null : SessionFile.CreatedOf(resumePath))?.UtcDateTime ?? DateTime.UtcNow);
}
