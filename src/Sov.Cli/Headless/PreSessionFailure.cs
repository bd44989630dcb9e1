using Sov.Core;

namespace Sov.Cli.Headless;

/// <summary>
/// A failure before the session started (bad config, no endpoint, unset key variable) in json or
/// stream-json mode: the reader of stdout still gets a well-formed answer saying so, and the front door
/// then prints the usual two lines on stderr and exits with the error's code.
/// </summary>
internal static class PreSessionFailure
{
    public static void Print(TextWriter output, OutputFormat format, SovException error)
    {
        if (format == OutputFormat.StreamJson)
        {
            output.WriteLine(EventJson.Line(w => EventJson.Write(w, new Sov.Core.Agent.Events.Error(error.Message, error.Remedy, error.ExitCode))));
            output.WriteLine(EventJson.Line(w =>
            {
                w.WriteStartObject();
                w.WriteString("type", "exit");
                w.WriteNumber("exit_code", error.ExitCode);
                w.WriteEndObject();
            }));
        }
        else if (format == OutputFormat.Json)
        {
            var printer = new JsonPrinter(output);
            printer.Print(new Sov.Core.Agent.Events.Error(error.Message, error.Remedy, error.ExitCode));
            printer.Finish(error.ExitCode);
        }

        output.Flush();
    }
}
