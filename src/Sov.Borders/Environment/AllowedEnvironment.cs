using System.Collections.Frozen;
using Sov.Core;
using Sov.Core.Config;

namespace Sov.Borders.Environment;

/// <summary>
/// The one door to the process environment. It answers only for names on its allow-list: the
/// variables that locate Sovereign's own files, terminal hints, <c>SOV_*</c> settings, and names the
/// person named explicitly (for example the variable holding an API key). Proxy variables, host and
/// user names and everything else stay unread.
/// </summary>
public sealed class AllowedEnvironment : IEnvironment
{
    /// <summary>Fixed names Sovereign may read, each for a stated reason.</summary>
    public static readonly FrozenSet<string> FixedNames = SovPaths.Variables
        .Concat(["NO_COLOR", "TERM", "COLUMNS", "LINES"])
        .ToFrozenSet(StringComparer.Ordinal);

    private readonly FrozenSet<string> _allowed;

    public AllowedEnvironment(IEnumerable<string>? personNamed = null)
    {
        _allowed = FixedNames.Concat(personNamed ?? []).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>A new reader that also answers for the given names, which the person named.</summary>
    public AllowedEnvironment With(params string[] personNamed) =>
        new(_allowed.Except(FixedNames).Concat(personNamed));

    public string? Get(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!IsAllowed(name))
        {
            throw new InvalidOperationException(
                $"Environment variable '{name}' is not on Sovereign's allow-list (Sov.Borders.Environment).");
        }

        var value = System.Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public bool IsAllowed(string name) =>
        _allowed.Contains(name) || (name.StartsWith("SOV_", StringComparison.Ordinal) && name.Length > 4);
}
