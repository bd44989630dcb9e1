using Sov.Core.Files.Ignore;

namespace Sov.Core.Files.Walk;

/// <summary>
/// One folder as <see cref="TreeWalker.List"/> found it: the entries its ignore files leave (in no particular
/// order), and the ignore stack in force inside it (null when ignore files are not applied).
/// </summary>
internal readonly record struct FolderListing(IReadOnlyList<FolderEntry> Entries, IgnoreStack? Ignores);
