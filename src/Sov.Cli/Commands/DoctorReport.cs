namespace Sov.Cli.Commands;

/// <summary>The lines <c>sov doctor</c> prints: a check's name, then ok / WARN / BAD and the detail, and for
/// a BAD one the remedy on the next line. Any BAD makes the exit code 3.</summary>
internal sealed class DoctorReport(TextWriter output)
{
    public bool Failed { get; private set; }

    public Task OkAsync(string check, string detail) => WriteAsync(check, "ok: " + detail);

    public Task InfoAsync(string check, string detail) => WriteAsync(check, detail);

    public Task WarnAsync(string check, string detail) => WriteAsync(check, "WARN: " + detail);

    public async Task BadAsync(string check, string detail, string remedy)
    {
        Failed = true;
        await WriteAsync(check, "BAD: " + detail).ConfigureAwait(false);
        await output.WriteLineAsync($"{"",-11}{Terminal.TerminalSafe.Text(remedy)}").ConfigureAwait(false);
    }

    private Task WriteAsync(string check, string text) => output.WriteLineAsync($"{check,-11}{Terminal.TerminalSafe.Text(text)}");
}
