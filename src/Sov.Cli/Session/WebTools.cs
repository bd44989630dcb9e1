using Sov.Borders.Network;
using Sov.Core.Tools;
using Sov.Core.Tools.Web;

namespace Sov.Cli.Session;

/// <summary>
/// web_fetch for a session (#17), only when the user's config names hosts (<c>[web] allow</c>, narrowed by the project's):
/// otherwise no tool, and no web client, exists at all. Its client is its own, from the egress gate, allowing those hosts only.
/// </summary>
internal static class WebTools
{
    public static (ITool[] Tools, IDisposable? Client) Create(CliContext context, PreparedAgent agent)
    {
        var allow = context.Config(agent.Workspace).WebAllow;
        if (allow.IsEmpty)
        {
            return ([], null);
        }

        var fetcher = WebFetcher.Create(agent.Egress([], "web"), allow);
        var journal = agent.Journal.Journal;
        return ([new WebFetchTool(allow, fetcher, record => journal.Append(record), agent.Journal.Redactor)], fetcher);
    }
}
