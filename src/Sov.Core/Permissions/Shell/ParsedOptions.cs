namespace Sov.Core.Permissions.Shell;

/// <summary>
/// Arguments read against an <see cref="OptionTable"/>: the options met (canonical name and value, if
/// any), the operands, and the first word that is not a known option (<see cref="Unknown"/>), if any.
/// </summary>
public sealed record ParsedOptions(IReadOnlyList<(string Name, string? Value)> Options, IReadOnlyList<string> Operands, string? Unknown)
{
    public bool Has(params string[] names) => Options.Any(o => names.Contains(o.Name, StringComparer.Ordinal));

    public IEnumerable<string> ValuesOf(params string[] names) =>
        Options.Where(o => names.Contains(o.Name, StringComparer.Ordinal) && o.Value is not null).Select(o => o.Value!);
}
