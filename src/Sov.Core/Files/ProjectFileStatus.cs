namespace Sov.Core.Files;

/// <summary>What became of a project file Sovereign reads on its own (instructions, commands, project config).</summary>
public enum ProjectFileStatus
{
    /// <summary>Read whole.</summary>
    Read,

    /// <summary>Read up to the cap; the rest was left out.</summary>
    Truncated,

    /// <summary>Not read: the file border refused it (a symlink leading out, not a regular file, hard links, a read deny rule).</summary>
    Refused,

    /// <summary>Not read: a read ask rule covers it, and nobody is asked at start.</summary>
    Held,
}
