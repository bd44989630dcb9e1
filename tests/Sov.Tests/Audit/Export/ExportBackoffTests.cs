using Sov.Core.Audit.Export;

namespace Sov.Tests.Audit.Export;

/// <summary>#20: the wait before a failed batch is sent again.</summary>
public sealed class ExportBackoffTests
{
    private static readonly ExportSettings Settings = new() { BackoffInitial = TimeSpan.FromSeconds(1), BackoffMax = TimeSpan.FromSeconds(10) };

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 10)]
    [InlineData(60, 10)]
    public void DoublesUpToTheCapAndJittersDownToHalf(int failures, double seconds)
    {
        Assert.InRange(ExportBackoff.Delay(Settings, failures, null, 0.999999999), TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(seconds));
        Assert.Equal(TimeSpan.FromSeconds(seconds / 2), ExportBackoff.Delay(Settings, failures, null, 0));
    }

    [Fact]
    public void RetryAfterWinsUpToItsOwnCap()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), ExportBackoff.Delay(Settings, 1, TimeSpan.FromSeconds(30), 0.5));
        Assert.Equal(Settings.RetryAfterMax, ExportBackoff.Delay(Settings, 1, TimeSpan.FromDays(1), 0.5));
        Assert.Equal(TimeSpan.FromSeconds(0.5), ExportBackoff.Delay(Settings, 1, TimeSpan.Zero, 0));
    }
}
