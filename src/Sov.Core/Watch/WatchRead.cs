namespace Sov.Core.Watch;

/// <summary>A file or folder outside the workspace the command opened or probed; <c>Found</c> false when it was absent.</summary>
public sealed record WatchRead(string Path, MachineReadKind Kind, bool Found);
