namespace Sov.Core.Tools.Effects;

/// <summary>
/// A tool whose <see cref="WritePath"/> call can say beforehand what the file will hold, so a front end can show
/// the change as a diff before it is approved.
/// </summary>
public interface IPreviewsChange
{
    /// <summary>The file's text after the call, given its text now (null when it does not exist); null when it cannot be told.</summary>
    string? After(ToolArguments arguments, string? before);
}
