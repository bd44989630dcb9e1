namespace Sov.Core.Files;

/// <summary>
/// One entry of a folder as the file system border lists it: its name shown with <see cref="FileNames"/>' escape,
/// whether it is a folder (after symlinks), whether it is a symlink, and whether it is special (a FIFO, socket or
/// device: not a regular file, folder or symlink; reading one can block for ever).
/// </summary>
public readonly record struct FolderEntry(string Name, bool IsFolder, bool IsLink, bool IsSpecial = false);
