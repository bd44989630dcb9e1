namespace Sov.Core.Files;

/// <summary>What a path names, after symlinks.</summary>
public enum FileKind
{
    None,
    File,
    Folder,
    Other,
}
