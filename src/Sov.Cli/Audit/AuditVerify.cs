using Sov.Borders.FileSystem;
using Sov.Core;
using Sov.Core.Audit;
using Sov.Core.Config;

namespace Sov.Cli.Audit;

/// <summary>
/// <c>sov audit verify [SESSION|--all] [--repair]</c>: one line per session, <c>ok</c>, <c>UNSEALED</c> or
/// <c>BROKEN</c> with the first bad seq, a session still running said so (never repaired under it); every segment of a
/// continued session is checked (#14); exit 0 only when every chain is intact and sealed. With a seal key (<c>--key FILE</c>
/// or <c>[audit] seal_key_file</c>) keyed seals are checked and an unkeyed last seal fails; without one, keyed seals are
/// said to be unchecked. <c>--all</c> also checks how the sessions chain to each other (<see cref="JournalChain"/>, #20):
/// one <c>CHAIN</c> line per problem, naming the session.
/// </summary>
internal static class AuditVerify
{
    public static int Run(CliContext context, string? session, bool all, bool repair, string? keyFile = null)
    {
        var dir = context.Paths.JournalDir;
        var key = keyFile is not null ? SealKey.Load(Path.GetFullPath(keyFile))
            : BorderConfig.From(SovConfigReader.Read(new NativeFileSystem(), context.Paths.ConfigFile, workspace: null)).LoadSealKey();
        var bad = 0;
        var ids = JournalSelection.Resolve(dir, session, all);
        if (session is null && !all)
        {
            var started = JournalFiles.StartOf(JournalFiles.PathOf(dir, ids[0])) is { } start ? $"started {start.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff} UTC" : "start unknown";
            context.Error.WriteLine($"sov audit verify: the newest session, {ids[0]} ({started}); name a session or pass --all for the others.");
        }

        foreach (var id in ids)
        {
            var path = JournalFiles.PathOf(dir, id);
            var result = JournalVerifier.Verify(path, key);
            var running = !result.Sealed && JournalLock.InUse(dir, id);
            if (repair && result.Repairable && !running)
            {
                var before = result;
                result = JournalRepair.Repair(path, null, key);
                context.Out.WriteLine($"repaired {id}: it was unsealed after seq {before.Records}; sealed at seq {result.Records} with reason 'repaired'");
            }

            if (result.Ok)
            {
                var pruned = result.BodiesPruned > 0 ? $", {result.BodiesPruned} request bodies pruned (bodies/{JournalContents.PrunedFile})" : "";
                var segments = result.Segments > 1 ? $" in {result.Segments} segments (the session was continued)" : "";
                context.Out.WriteLine($"ok       {id}  {result.Records} records{segments}, sealed{Keyed(result)}, {result.BodiesChecked} request bodies match{pruned}, head {result.HeadHash}");
                continue;
            }

            bad++;
            if (result.Intact && result.Sealed && result.KeyProblem is not null)
            {
                context.Out.WriteLine($"UNKEYED  {id}  {result.KeyProblem}");
                continue;
            }

            if (result.Intact && result.Sealed)
            {
                context.Out.WriteLine($"BODIES   {id}  {Terminal.TerminalSafe.Line(result.BodyProblem ?? "")}");
                continue;
            }

            var label = result.Intact ? "UNSEALED" : "BROKEN  ";
            var live = running ? $" (the session is still running: it is sealed when it ends{(repair ? "; not repaired" : "")})" : "";
            context.Out.WriteLine($"{label} {id}  first bad seq {result.FirstBadSeq}: {Terminal.TerminalSafe.Line(result.Problem ?? "")}{live}"); // quotes the journal: inert
        }

        if (all)
        {
            foreach (var problem in JournalChain.Check(dir))
            {
                bad++;
                context.Out.WriteLine($"CHAIN    {problem.Session}  {Terminal.TerminalSafe.Line(problem.Text)}");
            }
        }

        if (bad > 0)
        {
            context.Error.WriteLine($"sov audit verify: {bad} journal(s) or link(s) failed verification.");
            context.Error.WriteLine(repair
                ? "  A broken chain means the file was changed after it was written; it is not repaired. Compare with your anchored 'sov audit head'."
                : "  A session that crashed can be sealed with --repair; a broken chain means the file was changed after it was written.");
            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
    }

    /// <summary>What the seal's key says (#20): checked with the key given, or keyed and unchecked without one.</summary>
    private static string Keyed(JournalVerification result) =>
        result.KeyChecked ? $", keyed seal checked (key {result.KeyId})"
        : result.KeyId is { } id ? $", seals keyed (key {id}) and NOT checked: no key given (--key FILE or [audit] seal_key_file)"
        : "";
}
