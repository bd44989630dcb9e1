namespace Sov.Core.Watch;

/// <summary>What a file outside the workspace reveals about the machine or its person.</summary>
public enum MachineReadKind
{
    TimeZone,
    HostIdentity,
    NetworkConfig,
    Credentials,
    ShellHistory,
}
