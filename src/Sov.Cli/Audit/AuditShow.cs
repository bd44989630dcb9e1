using System.Globalization;
using System.Text;
using Sov.Core;
using Sov.Core.Audit;

namespace Sov.Cli.Audit;

/// <summary>
/// <c>sov audit show SEQ|--request N [--session S]</c>: for a request record, the exact bytes that request sent (from the
/// body store, checked against its hash); for any other record, the record itself.
/// </summary>
internal static class AuditShow
{
    public static int Run(CliContext context, long? seq, int? request, string? session)
    {
        var dir = context.Paths.JournalDir;
        var id = JournalSelection.Resolve(dir, session, all: false)[0];
        var lines = JournalReader.Read(JournalFiles.PathOf(dir, id)).ToList();
        var requests = lines.Where(l => l.BodySha256 is not null).ToList();
        var line = (seq, request) switch
        {
            ({ }, { }) or (null, null) => throw new SovException("Give either a SEQ or --request N.",
                "For example 'sov audit show --request 1' for the first request, or 'sov audit show 5'.", ExitCodes.Usage),
            (null, { } n) => n >= 1 && n <= requests.Count ? requests[n - 1]
                : throw new SovException($"Session {id} sent {requests.Count} request(s); there is no request {n.ToString(CultureInfo.InvariantCulture)}.",
                    "Pass --request 1 for the first.", ExitCodes.Usage),
            ({ } s, null) => lines.FirstOrDefault(l => l.Seq == s)
                ?? throw new SovException($"Session {id} has no record with seq {s.ToString(CultureInfo.InvariantCulture)}.",
                    "Run 'sov audit export --format jsonl' to list its records.", ExitCodes.Usage),
        };
        if (line.BodySha256 is null)
        {
            context.Out.WriteLine(line.Text);
            context.Error.WriteLine(requests.Count == 0 ? "sov: (this record is not a request; the session sent none)"
                : $"sov: (this record is not a request; requests are seq {string.Join(", ", requests.Take(8).Select(r => r.Seq.ToString(CultureInfo.InvariantCulture)))}{(requests.Count > 8 ? ", ..." : "")}; or use --request N)");
            return ExitCodes.Ok;
        }

        var body = new BodyStore(JournalFiles.BodiesDir(dir)).TryRead(line.BodySha256)
            ?? throw new SovException($"The body of seq {line.Seq.ToString(CultureInfo.InvariantCulture)} ({line.BodySha256}) is missing from the body store or no longer matches its hash.",
                $"Check {JournalFiles.BodiesDir(dir)}: a body that does not match its hash was changed after it was sent.", ExitCodes.Failed);
        context.Out.Write(Encoding.UTF8.GetString(body));
        context.Out.Flush();
        return ExitCodes.Ok;
    }
}
