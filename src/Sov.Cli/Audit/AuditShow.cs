using System.Globalization;
using System.Text;
using Sov.Core;
using Sov.Core.Audit;

namespace Sov.Cli.Audit;

/// <summary>
/// <c>sov audit show SEQ [--session S]</c>: for a request record, the exact bytes that request sent (from the
/// body store, checked against its hash); for any other record, the record itself.
/// </summary>
internal static class AuditShow
{
    public static int Run(CliContext context, long seq, string? session)
    {
        var dir = context.Paths.JournalDir;
        var id = JournalSelection.Resolve(dir, session, all: false)[0];
        var line = JournalReader.Read(JournalFiles.PathOf(dir, id)).FirstOrDefault(l => l.Seq == seq)
            ?? throw new SovException($"Session {id} has no record with seq {seq.ToString(CultureInfo.InvariantCulture)}.",
                "Run 'sov audit export --format jsonl' to list its records.", ExitCodes.Usage);
        if (line.BodySha256 is null)
        {
            context.Out.WriteLine(line.Text);
            return ExitCodes.Ok;
        }

        var body = new BodyStore(JournalFiles.BodiesDir(dir)).TryRead(line.BodySha256)
            ?? throw new SovException($"The body of seq {seq.ToString(CultureInfo.InvariantCulture)} ({line.BodySha256}) is missing from the body store or no longer matches its hash.",
                $"Check {JournalFiles.BodiesDir(dir)}: a body that does not match its hash was changed after it was sent.", ExitCodes.Failed);
        context.Out.Write(Encoding.UTF8.GetString(body));
        context.Out.Flush();
        return ExitCodes.Ok;
    }
}
