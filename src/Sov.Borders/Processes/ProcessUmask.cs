using System.Globalization;

namespace Sov.Borders.Processes;

/// <summary>This process's umask, as the kernel reports it (<c>Umask:</c> in <c>/proc/self/status</c>); 0022 when it cannot say.</summary>
public static class ProcessUmask
{
    public static int Current()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("Umask:", StringComparison.Ordinal)
                    && int.TryParse(line[6..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var octalDigits))
                {
                    return Convert.ToInt32(octalDigits.ToString(CultureInfo.InvariantCulture), 8);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return Core.Files.Checkpoints.Undo.DefaultUmask;
    }
}
