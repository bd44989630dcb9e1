namespace Sov.Core.Files;

/// <summary>
/// One project file as the file border let it through: where (as shown to the person), the text when it
/// was read (null when refused or held), what happened and why. <see cref="Note"/> is the line the banner
/// (interactive) or a warning (exec) shows.
/// </summary>
public sealed record ProjectFileRead(string Display, string? Text, ProjectFileStatus Status, string Reason = "")
{
    public bool WasRead => Status is ProjectFileStatus.Read or ProjectFileStatus.Truncated;

    public string Note => Status switch
    {
        ProjectFileStatus.Read => $"read {Display}",
        ProjectFileStatus.Truncated => $"read {Display} only in part: {Reason}",
        ProjectFileStatus.Held => $"did not read {Display}: {Reason}",
        _ => $"refused {Display}: {Reason}",
    };
}
