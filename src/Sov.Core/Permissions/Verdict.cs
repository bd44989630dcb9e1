namespace Sov.Core.Permissions;

/// <summary>What the permission policy says about one action. Deny beats ask beats allow.</summary>
public enum Verdict
{
    Allow = 0,
    Ask = 1,
    Deny = 2,
}
