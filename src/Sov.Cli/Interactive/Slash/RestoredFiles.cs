using Sov.Cli.Terminal;

namespace Sov.Cli.Interactive.Slash;

/// <summary>What an undo or a rewind did to the files, a row each: restored, removed (<paramref name="created"/> says by whom), left alone with why.</summary>
internal static class RestoredFiles
{
    public static void Show(TerminalSurface surface, IReadOnlyList<string> restored, IReadOnlyList<string> removed, IReadOnlyList<string> skipped, string created)
    {
        foreach (var path in restored)
        {
            surface.WriteLine($"  restored  {path}");
        }

        foreach (var path in removed)
        {
            surface.WriteLine($"  removed   {path} ({created} it)");
        }

        foreach (var line in skipped)
        {
            surface.WriteLine($"  left      {line}", Style.Warning);
        }
    }
}
