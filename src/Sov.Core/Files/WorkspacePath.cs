namespace Sov.Core.Files;

/// <summary>
/// A path a tool named, as the file border sees it. <see cref="FullPath"/> is the lexically normalised
/// absolute path that will be opened; <see cref="RealPath"/> is where it really leads with every symlink
/// resolved; <see cref="Display"/> is workspace-relative ('/' separators) when inside, absolute otherwise.
/// Inside and protected are judged on both paths: a symlink cannot lead out or into a protected place.
/// </summary>
public sealed record WorkspacePath(string Requested, string FullPath, string RealPath, string Display, bool Inside, bool Protected)
{
    public bool Exists => File.Exists(FullPath);
}
