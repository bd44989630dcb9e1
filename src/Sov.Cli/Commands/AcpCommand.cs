using System.CommandLine;
using Sov.Cli.Acp;
using Sov.Cli.Acp.Rpc;
using Sov.Core;
using Sov.Core.Config;

namespace Sov.Cli.Commands;

/// <summary>
/// <c>sov acp</c>: Sovereign as an Agent Client Protocol agent for editors (Zed, JetBrains, Neovim), JSON-RPC 2.0 on
/// stdin and stdout, one message a line, until the editor closes stdin. stdout carries protocol messages only: every
/// other line the run writes goes to stderr.
/// </summary>
internal static class AcpCommand
{
    public static Command Create(CliContext context)
    {
        var endpoint = SessionOptions.Endpoint();
        var model = SessionOptions.Model();
        var apiKeyEnv = SessionOptions.ApiKeyEnv();
        var profile = SessionOptions.Profile();
        var mode = new Option<string?>("--mode") { Description = "Permission mode the sessions start in: read-only, ask (default), auto-edit or full-auto (sandboxed)" };
        mode.AcceptOnlyFromAmong([.. Sov.Core.Permissions.PermissionModes.Names]);
        var command = new Command("acp", "Serve editors over the Agent Client Protocol on stdio (Zed, JetBrains, Neovim)")
        {
            endpoint, model, apiKeyEnv, profile, mode,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var quiet = Quiet(context);
            var flags = new SettingsOverrides
            {
                Endpoint = parsed.GetValue(endpoint),
                Model = parsed.GetValue(model),
                ApiKeyEnv = parsed.GetValue(apiKeyEnv),
                Profile = parsed.GetValue(profile),
                Mode = parsed.GetValue(mode),
            };
            var sessions = new AcpSessions(quiet, flags, parsed.GetValue(mode));
            var agent = new AcpAgent(sessions);
            using var stdin = Console.OpenStandardInput();
            using var stdout = Console.OpenStandardOutput();
            var connection = new RpcConnection(stdin, stdout, agent);
            sessions.Connection = connection;
            try
            {
                await connection.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // SIGTERM or Ctrl-C: the sessions are saved below
            }
            finally
            {
                await agent.DisposeAsync().ConfigureAwait(false);
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The context the sessions run in: whatever a session prints for a person goes to stderr (stdout is the editor's),
    /// under the same managed policy (review of #20: a fresh context read no policy, so every ACP session ran without it).
    /// </summary>
    internal static CliContext Quiet(CliContext context) =>
        new(context.Environment, context.Error, context.Error) { PolicySource = () => context.Policy };
}
