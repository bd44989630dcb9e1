namespace Sov.Core.Files;

/// <summary>Where a file tool's write went (#18): the disk through the border, or the editor's buffer under <c>sov acp</c>.</summary>
public enum WriteChannel
{
    Disk,
    Editor,
}
