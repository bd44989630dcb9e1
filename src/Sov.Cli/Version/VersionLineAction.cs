using System.CommandLine;
using System.CommandLine.Invocation;

namespace Sov.Cli.Version;

/// <summary>The root's <c>--version</c> (#20): prints <see cref="VersionInfo.Line"/>, the commit and the tree state with the version.</summary>
internal sealed class VersionLineAction(CliContext context) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        context.Out.WriteLine(VersionInfo.Line);
        return Sov.Core.ExitCodes.Ok;
    }
}
