using Sov.Core.Files;
using Sov.Core.Tools;
using Sov.Core.Tools.Editing;

namespace Sov.Tests.Tools;

/// <summary>
/// Every built-in tool of a session over <paramref name="workspace"/>, for judging and previewing calls: the
/// tools say what a call touches and what a write leaves; none is run, so they have no shell and no undo.
/// </summary>
internal static class SessionTools
{
    public static ToolRegistry For(Workspace workspace) =>
        new([.. ToolRegistry.ReadOnlyBuiltIns().All, .. new BorderServices(workspace, null!, null!).Tools()]);
}
