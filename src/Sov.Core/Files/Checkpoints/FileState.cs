namespace Sov.Core.Files.Checkpoints;

/// <summary>One file in a <see cref="FileSnapshot"/>; <see cref="Content"/> is null when it was not captured.</summary>
public sealed record FileState(long Size, long WriteTicks, int? Mode, byte[]? Content)
{
    public bool SameAs(FileState other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Size != other.Size || Mode != other.Mode)
        {
            return false;
        }

        return Content is not null && other.Content is not null
            ? Content.AsSpan().SequenceEqual(other.Content)
            : WriteTicks == other.WriteTicks;
    }
}
