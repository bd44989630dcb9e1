namespace Sov.Core;

/// <summary>
/// The only view of the process environment that pure logic gets. The implementation lives in
/// Sov.Borders and answers only for an explicit allow-list of variable names; asking for any other
/// name is a programming error there, not a silent empty answer.
/// </summary>
public interface IEnvironment
{
    /// <summary>The value of an allow-listed variable, or null when it is unset or empty.</summary>
    string? Get(string name);
}
