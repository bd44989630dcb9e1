using System.CommandLine;
using Sov.Cli.Audit;

namespace Sov.Cli.Commands;

/// <summary><c>sov audit</c>: verify, show, anchor and export the tamper-evident journal.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("audit", "Verify, show and export the tamper-evident journal");
        command.Subcommands.Add(Verify(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Head(context));
        command.Subcommands.Add(Export(context));
        return command;
    }

    private static Argument<string?> SessionArgument() =>
        new("SESSION") { Arity = ArgumentArity.ZeroOrOne, Description = "A session id (default: the newest session)" };

    private static Option<bool> AllOption() => new("--all") { Description = "Every session in the journal folder" };

    private static Command Verify(CliContext context)
    {
        var session = SessionArgument();
        var all = AllOption();
        var repair = new Option<bool>("--repair")
        {
            Description = "Seal sessions that crashed unsealed, with a record saying so (never a broken chain)",
        };
        var key = new Option<string?>("--key")
        {
            Description = "The seal key file to check keyed seals with (default: [audit] seal_key_file)",
            HelpName = "FILE",
        };
        var command = new Command("verify", "Check every hash link and the seal (and with --all, how sessions chain); exit 0 only when all are intact and sealed")
        {
            session, all, repair, key,
        };
        command.SetAction(r => AuditVerify.Run(context, r.GetValue(session), r.GetValue(all), r.GetValue(repair), r.GetValue(key)));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var seq = new Argument<long?>("SEQ") { Description = "The record's sequence number (seq 1 is the session record; requests come later)", Arity = ArgumentArity.ZeroOrOne };
        var request = new Option<int?>("--request") { Description = "The Nth request the session sent (1 = the first), instead of a SEQ", HelpName = "N" };
        var session = new Option<string?>("--session") { Description = "The session (default: the newest)" };
        var command = new Command("show", "Print the exact bytes a request sent (by --request N or its SEQ), or any other record itself") { seq, request, session };
        command.SetAction(r => AuditShow.Run(context, r.GetValue(seq), r.GetValue(request), r.GetValue(session)));
        return command;
    }

    private static Command Head(CliContext context)
    {
        var session = SessionArgument();
        var command = new Command("head", "Print SESSION SEQ HASH of the chain head, for anchoring elsewhere") { session };
        command.SetAction(r => AuditHead.Run(context, r.GetValue(session)));
        return command;
    }

    private static Command Export(CliContext context)
    {
        var session = SessionArgument();
        var all = AllOption();
        var format = new Option<string>("--format")
        {
            Description = "jsonl (to stdout) or otlp (to [audit.export] endpoint, through the egress gate)",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "otlp");
        var follow = new Option<bool>("--follow") { Description = "with --format otlp: keep sending records as they are written, until Ctrl-C" };
        var status = new Option<bool>("--status") { Description = "say how far the collector has acknowledged, send nothing" };
        var command = new Command("export", "Export records as JSON lines or to your OpenTelemetry collector (OTLP/HTTP)")
        {
            session, all, format, follow, status,
        };
        command.SetAction((r, ct) => AuditExport.RunAsync(context,
            new ExportRequest(r.GetValue(format)!, r.GetValue(session), r.GetValue(all), r.GetValue(follow), r.GetValue(status)), ct));
        return command;
    }
}
