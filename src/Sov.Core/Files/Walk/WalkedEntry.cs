namespace Sov.Core.Files.Walk;

/// <summary>
/// One entry met by <see cref="TreeWalker.Walk"/>: the folder it is in (full path), its path relative to where
/// the walk's relative paths start ('/' separators, names in <see cref="FileNames"/>' escape) and the entry itself.
/// </summary>
internal readonly record struct WalkedEntry(string Folder, string Relative, FolderEntry Entry)
{
    public string Name => Entry.Name;

    /// <summary>The full path in <see cref="FileNames"/>' escape, as the file border takes it.</summary>
    public string FullPath => Path.Join(Folder, Entry.Name);

    /// <summary>The full path as .NET's own file APIs take it; null when a name on it is not UTF-8.</summary>
    public string? TextPath => FileNames.AsText(FullPath);

    /// <summary>A folder the walk enters (a symlinked folder is never entered).</summary>
    public bool IsRealFolder => Entry.IsFolder && !Entry.IsLink;
}
