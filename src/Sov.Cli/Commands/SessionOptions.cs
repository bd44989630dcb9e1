using System.CommandLine;
using Sov.Core.Config;
using Sov.Core.Models;

namespace Sov.Cli.Commands;

/// <summary>The options every session front door shares (<c>sov</c> and <c>sov exec</c>), defined once so
/// their names, help and checks agree. A value that cannot be right is a usage error (exit 2) at parse time.</summary>
internal static class SessionOptions
{
    public static Option<string?> Endpoint()
    {
        var option = new Option<string?>("--endpoint") { Description = "OpenAI-compatible base URL, e.g. http://127.0.0.1:8000/v1", HelpName = "URL" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text)
            {
                try
                {
                    ModelEndpoint.ParseBaseUrl(text);
                }
                catch (ConfigException e)
                {
                    result.AddError($"{e.Message} {e.Remedy}");
                }
            }
        });
        return option;
    }

    public static Option<string?> Model() => new("--model") { Description = "Model name as the server knows it", HelpName = "NAME" };

    public static Option<string?> ApiKeyEnv() => new("--api-key-env") { Description = "Name of the environment variable holding the API key", HelpName = "VAR" };

    public static Option<string?> Profile() => new("--profile") { Description = "A [profiles.NAME] table of config.toml", HelpName = "NAME" };

    public static Option<string?> Workspace() => new("--workspace", "-C") { Description = "The workspace folder (default: the current folder)", HelpName = "DIR" };

    /// <summary>The workspace root a session runs in: the folder given, which must exist, else the current folder.</summary>
    public static string Root(string? given)
    {
        var root = Path.GetFullPath(given ?? Directory.GetCurrentDirectory());
        return Directory.Exists(root)
            ? root
            : throw new ConfigException($"The workspace folder {root} does not exist.", "Pass an existing folder to --workspace (-C).");
    }
}
