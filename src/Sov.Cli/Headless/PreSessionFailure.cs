using Sov.Core;
using Sov.Core.Agent.Events;

namespace Sov.Cli.Headless;

/// <summary>
/// A failure before the session started (bad config, no endpoint, unset key variable) in json or
/// stream-json mode: the reader of stdout still gets a well-formed answer saying so (its session id is
/// null: there is none yet), and the front door then prints the usual two lines on stderr and exits
/// with the error's code.
/// </summary>
internal static class PreSessionFailure
{
    public static void Print(TextWriter output, OutputFormat format, SovException error)
    {
        IEventPrinter? printer = format switch
        {
            OutputFormat.StreamJson => new StreamJsonPrinter(output),
            OutputFormat.Json => new JsonPrinter(output),
            _ => null,
        };
        printer?.Print(new Error(error.Message, error.Remedy, error.ExitCode));
        printer?.Finish(error.ExitCode);
        output.Flush();
    }
}
