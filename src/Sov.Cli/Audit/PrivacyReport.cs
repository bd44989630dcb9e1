using Sov.Borders.Environment;
using Sov.Borders.Network;

namespace Sov.Cli.Audit;

/// <summary>
/// <c>sov privacy</c>: what Sovereign reads from this machine (environment variable names, files outside the
/// workspace), which hosts it may contact under the current configuration, and what environment context
/// goes into the prompt. Derived from the same lists the borders enforce, not from documentation.
/// </summary>
internal static class PrivacyReport
{
    public static int Run(CliContext context)
    {
        var paths = context.Paths;
        var config = BorderConfig.Load(paths.ConfigFile);
        var o = context.Out;
        o.WriteLine("Environment variables Sovereign reads (no others; the list is Sov.Borders/Environment/AllowedEnvironment.cs):");
        o.WriteLine("  " + string.Join(", ", AllowedEnvironment.FixedNames.Order(StringComparer.Ordinal)) + ", and SOV_* settings");
        o.WriteLine("  Never read: proxy variables (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY), time zone, host name, user name, kernel version.");
        o.WriteLine();
        o.WriteLine("Files outside the workspace:");
        o.WriteLine($"  read     {paths.ConfigFile} (your config)");
        o.WriteLine($"  read     {paths.UserInstructionsFile} (your instructions, if present)");
        o.WriteLine($"  read     {paths.UserCommandsDir} (your commands, if present)");
        if (config.CaFile is not null)
        {
            o.WriteLine($"  read     {config.CaFile} (network.ca_file)");
        }

        o.WriteLine($"  written  {paths.JournalDir} (the journal and the exact request bodies)");
        o.WriteLine($"  written  {paths.SessionsDir}, {paths.HistoryDir}, {paths.CacheDir}");
        o.WriteLine();
        o.WriteLine("Hosts Sovereign may contact under this configuration (exact scheme, host and port):");
        if (config.ModelEndpoints.Count == 0)
        {
            o.WriteLine("  (none: no [model] endpoint configured)");
        }

        foreach (var endpoint in config.ModelEndpoints)
        {
            o.WriteLine($"  {EgressGate.Origin(endpoint)}  model endpoint ([model] endpoint)");
        }

        if (config.ExportEndpoint is not null)
        {
            o.WriteLine($"  {EgressGate.Origin(config.ExportEndpoint)}  OpenTelemetry collector, only for 'sov audit export --format otlp'");
        }

        o.WriteLine(config.Proxy is null
            ? "  proxy: none (network.proxy is not set; proxy variables are ignored)"
            : $"  proxy: {EgressGate.Origin(config.Proxy)} (network.proxy): requests to the hosts above travel through it");
        o.WriteLine("  Anything else is refused before any name is resolved, and journaled.");
        o.WriteLine();
        o.WriteLine("Before a request body leaves, secrets in it are replaced with [REDACTED:kind:hash8]" +
            (config.Redaction.Allow.Count == 0 ? "." : $" ({config.Redaction.Allow.Count} allow-listed value(s) pass)."));
        o.WriteLine();
        o.WriteLine("Environment context in the prompt:");
        o.WriteLine("  " + PromptContextLine);
        return Core.ExitCodes.Ok;
    }

    /// <summary>Until the prompt builder lands this states the rule it must keep; afterwards it prints its exact text.</summary>
    internal const string PromptContextLine =
        "the workspace path, the OS family (linux) and today's UTC date; no host, user, time zone, locale or kernel version ('sov prompt' prints the exact text).";
}
