namespace Sov.Core.Watch;

/// <summary>One allowed endpoint: the real <c>Host:Port</c> Sovereign dials, and the address the command reaches it at inside.</summary>
public sealed record ContainEndpoint(string Host, int Port, string InsideAddress, int Index)
{
    public string Destination => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
