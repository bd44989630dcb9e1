namespace Sov.Core.Config;

/// <summary>The <c>[redaction]</c> table: values the person allows through the redactor (<c>allow = [...]</c>).</summary>
public sealed record RedactionSection(IReadOnlyList<string> Allow)
{
    public static RedactionSection Empty { get; } = new(Array.Empty<string>());

    public static RedactionSection Read(ConfigSection? table) => table is null ? Empty : new(table.Strings("allow"));
}
