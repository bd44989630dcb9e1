using Sov.Borders.FileSystem;
using Sov.Borders.Environment;
using Sov.Borders.Network;
using Sov.Core.Config;
using Sov.Core.Files;
using Sov.Core.Models;
using Sov.Core.Prompts;

namespace Sov.Cli.Audit;

/// <summary>
/// <c>sov privacy</c>: what Sovereign reads from this machine (environment variable names, files outside the
/// workspace), which hosts it may contact under the current configuration, and exactly what environment
/// context goes into the prompt. Derived from the same code the borders and the prompt use.
/// </summary>
internal static class PrivacyReport
{
    public static int Run(CliContext context)
    {
        var paths = context.Paths;
        var workspace = new Workspace(Directory.GetCurrentDirectory(), new NativeFileSystem());
        var settings = ConfigLoader.Load(context.Config(workspace), context.Environment);
        var borders = BorderConfig.From(context.Config(workspace));
        var o = context.Out;
        o.WriteLine("Environment variables Sovereign reads (no others; the list is Sov.Borders/Environment/AllowedEnvironment.cs):");
        o.WriteLine("  " + string.Join(", ", AllowedEnvironment.FixedNames.Order(StringComparer.Ordinal)) + ", and SOV_* settings");
        if (settings.ApiKeyEnv is { } keyVariable)
        {
            o.WriteLine($"  {keyVariable}: named by you (api_key_env) for the endpoint's API key, sent only in its Authorization header");
        }

        foreach (var server in context.Config(workspace).McpServers)
        {
            foreach (var name in server.EnvFrom.Append(server.BearerTokenEnv).OfType<string>())
            {
                o.WriteLine($"  {name}: named by you for MCP server '{server.Name}', given only to it");
            }
        }

        o.WriteLine("  Never read: proxy variables (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY), time zone, host name, user name, kernel version.");
        o.WriteLine();
        o.WriteLine("Files outside the workspace:");
        o.WriteLine($"  read     {paths.ConfigFile} (your config)");
        o.WriteLine($"  read     {Sov.Borders.Policy.PolicyFile.BuiltInPath} (the managed policy, fixed at build time; {(context.Policy.InForce ? $"in force, sha256 {context.Policy.Sha256}" : "absent")})");
        if (borders.CaFile is not null)
        {
            o.WriteLine($"  read     {borders.CaFile} (network.ca_file)");
        }

        o.WriteLine("  written  only these folders (#14), private to you:");
        foreach (var (folder, holds) in StateFolders.List(paths))
        {
            o.WriteLine($"    {folder}");
            o.WriteLine($"      {holds}");
        }
        o.WriteLine();
        o.WriteLine("Hosts Sovereign may contact under this configuration (exact scheme, host and port):");
        if (settings.Endpoint is { } endpoint)
        {
            o.WriteLine($"  {EgressGate.Origin(ModelEndpoint.ParseBaseUrl(endpoint))}  model endpoint ({settings.Sources.GetValueOrDefault("endpoint", "config")})");
        }
        else if (context.Policy.Endpoints.Count > 0)
        {
            o.WriteLine($"  {EgressGate.Origin(context.Policy.Endpoints[0])}  model endpoint (the managed policy's first; none configured)");
        }
        else
        {
            foreach (var (server, url) in EndpointDiscovery.Candidates)
            {
                o.WriteLine($"  {EgressGate.Origin(url)}  {server} on loopback (no endpoint configured: sov exec probes these)");
            }
        }

        var mcp = context.Config(workspace).McpServers;
        foreach (var server in mcp.Where(s => s.Url is not null))
        {
            o.WriteLine($"  {EgressGate.Origin(server.Url!)}  MCP server '{server.Name}' (mcp.servers.{server.Name}.url)");
        }

        foreach (var server in mcp.Where(s => s.Url is null))
        {
            o.WriteLine(server.Sandbox && !server.Network
                ? $"  (none)  MCP server '{server.Name}' runs `{server.Command}` in the sandbox without network"
                : $"  (any)   MCP server '{server.Name}' runs `{server.Command}` {(server.Sandbox ? "in the sandbox WITH network (network = true)" : "UNSANDBOXED (sandbox = false)")}: what it contacts is up to it");
        }

        if (borders.ExportEndpoint is not null)
        {
            o.WriteLine($"  {EgressGate.Origin(borders.ExportEndpoint)}  OpenTelemetry collector, " + (borders.Export.Streams
                ? "every session streams its journal to it as written (#20)" + (borders.Export.Forced ? ", required by the managed policy" : "") + "; 'sov audit export --status' says how far it got"
                : "only for 'sov audit export --format otlp' ([audit.export] stream = false)"));
        }

        WebLines(o, context.Config(workspace));
        o.WriteLine(borders.Proxy is null
            ? "  proxy: none (network.proxy is not set; proxy variables are ignored)"
            : $"  proxy: {EgressGate.Origin(borders.Proxy)} (network.proxy): requests to the hosts above travel through it");
        o.WriteLine("  Anything else is refused before any name is resolved, and journaled.");
        if (context.Policy is { InForce: true } policy)
        {
            o.WriteLine($"  The managed policy {policy.Path} narrows this: model endpoints {(policy.Endpoints.Count == 0 ? "not pinned" : string.Join(", ", policy.Endpoints.Select(EgressGate.Origin)))}; MCP servers {(policy.McpServers is null ? "not pinned" : $"only {policy.McpServers.Count} allowed")}; 'sov policy show' lists every value.");
        }
        o.WriteLine();
        o.WriteLine("Before a request body leaves, secrets in it are replaced with [REDACTED:kind:hash8]" +
            (borders.Redaction.Allow.Count == 0 ? "." : $" ({borders.Redaction.Allow.Count} allow-listed value(s) pass).") +
            (borders.Redaction.Patterns.Count == 0 ? "" : $" The managed policy adds {borders.Redaction.Patterns.Count} pattern(s)."));
        o.WriteLine();
        o.WriteLine("Environment context in the system prompt, exactly (after the fixed text 'sov prompt show' prints):");
        var environment = new EnvironmentContext(workspace.Root, EnvironmentContext.CurrentOsFamily(),
            DateOnly.FromDateTime(DateTime.UtcNow), Session.StartFiles.Instructions(context, workspace).Text);
        var full = SystemPrompt.Build(environment, settings.Instructions) + Core.Skills.SkillsPrompt.Section(Session.StartFiles.Skills(context, workspace));
        foreach (var line in full[SystemPrompt.Template.TrimEnd().Length..].Trim('\n').Split('\n'))
        {
            o.WriteLine("  | " + line);
        }

        return Core.ExitCodes.Ok;
    }

    /// <summary>What web_fetch may reach (#17): the <c>[web] allow</c> hosts, or that it is off.</summary>
    private static void WebLines(TextWriter o, SovConfig config)
    {
        if (config.WebAllow.IsEmpty)
        {
            o.WriteLine("  web_fetch: off (no hosts in [web] allow of your config; the tool is not offered to the model)");
            return;
        }

        var narrowed = config.ProjectWeb.Present ? ", narrowed by the project's .sov/config.toml" : "";
        foreach (var origin in config.WebAllow.Origins)
        {
            o.WriteLine($"  {origin}  web_fetch ([web] allow{narrowed}{(origin.IsWildcard ? "; every name under it" : "")})");
        }
    }
}
