namespace Sov.Core.Watch;

/// <summary>A DNS name the watched command asked for, and the addresses the answers gave (empty when none came).</summary>
public sealed record WatchLookup(string Name, IReadOnlyList<string> Addresses);
