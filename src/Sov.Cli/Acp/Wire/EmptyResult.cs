namespace Sov.Cli.Acp.Wire;

/// <summary>An answer with nothing in it (<c>authenticate</c>, <c>session/set_mode</c>).</summary>
internal sealed record EmptyResult;
