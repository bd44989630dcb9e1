namespace Sov.Core.Files;

/// <summary>One entry of a folder as the file system border lists it: its name shown with <see cref="FileNames"/>' escape, whether it is a folder (after symlinks) and whether it is a symlink.</summary>
public readonly record struct FolderEntry(string Name, bool IsFolder, bool IsLink);
