namespace Sov.Core.Agent.Permission;

/// <summary>What the permission hook says about one tool call.</summary>
public enum PermissionVerdict
{
    Allow,
    Deny,
    Ask,
}
