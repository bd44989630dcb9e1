using Sov.Core;

namespace Sov.Borders.Network;

/// <summary>A request to a destination the person did not name was stopped at the egress gate.</summary>
public sealed class EgressRefusedException(Uri? destination) : SovException(
    $"Refused network request to {destination?.GetLeftPart(UriPartial.Authority) ?? "(no address)"}: not a configured endpoint.",
    "Add the endpoint to your user config (config.toml) if you meant to reach it.",
    ExitCodes.Environment)
{
    public Uri? Destination { get; } = destination;
}
