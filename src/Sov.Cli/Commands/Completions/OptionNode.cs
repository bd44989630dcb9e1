namespace Sov.Cli.Commands.Completions;

/// <summary>
/// One option of a command: its names ("--mode", "-m"), whether it takes a value, the values it accepts when they are a
/// fixed set, and whether it is a recursive option of an ancestor (<c>--debug</c>, <c>--help</c>).
/// </summary>
internal sealed record OptionNode(IReadOnlyList<string> Names, string Description, bool TakesValue, IReadOnlyList<string> Values, string ValueName, bool Inherited);
