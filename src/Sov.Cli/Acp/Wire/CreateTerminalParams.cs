namespace Sov.Cli.Acp.Wire;

/// <summary>
/// <c>terminal/create</c>'s params (ACP schema CreateTerminalRequest): the program and its arguments, the variables it gets,
/// the folder it runs in and how many bytes of output the editor keeps (it drops the start beyond that).
/// </summary>
internal sealed record CreateTerminalParams(string SessionId, string Command, IReadOnlyList<string> Args, IReadOnlyList<NameValue> Env, string Cwd,
    long OutputByteLimit);
