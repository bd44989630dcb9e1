namespace Sov.Core.Watch;

/// <summary>The categories a watch gives a verdict on; each can be named in <c>--fail-on</c>.</summary>
public enum WatchCategory
{
    /// <summary>DNS lookups and destinations other than the expected ones.</summary>
    Hosts,

    /// <summary>Destinations no lookup produced.</summary>
    HardCoded,

    /// <summary>Reads outside the workspace that reveal the machine or its person.</summary>
    MachineReads,

    /// <summary>Hidden characters in output, written files or bytes sent.</summary>
    Hidden,

    /// <summary>Programs the command executed.</summary>
    Processes,
}
