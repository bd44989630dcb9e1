namespace Sov.Core.Permissions.Shell;

/// <summary>Whether an option takes an argument: none, a required one (attached or the next word), or an optional one (attached only).</summary>
public enum Arity
{
    None,
    Required,
    Optional,
}
