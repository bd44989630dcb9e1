namespace Sov.Cli.Headless;

/// <summary><c>--output-format</c>: text (answer on stdout, progress on stderr), json (one object at the end), stream-json (one event per line).</summary>
internal enum OutputFormat
{
    Text,
    Json,
    StreamJson,
}
