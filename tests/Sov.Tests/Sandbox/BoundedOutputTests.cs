using System.Text;
using Sov.Borders.Processes;
using Sov.Core.Processes;

namespace Sov.Tests.Sandbox;

public sealed class BoundedOutputTests
{
    [Fact]
    public void ShortOutputIsKeptWhole()
    {
        var output = new BoundedOutput(8, 8);
        output.Add("hello"u8);
        output.Add(" world"u8);
        Assert.Equal("hello world", output.Text());
        Assert.Equal(0, output.DroppedBytes);
    }

    [Fact]
    public void LongOutputKeepsHeadAndTailAndCountsTheMiddle()
    {
        var output = new BoundedOutput(4, 4);
        foreach (var chunk in new[] { "0123", "4567", "89ab", "cdef" })
        {
            output.Add(Encoding.ASCII.GetBytes(chunk));
        }

        Assert.Equal(16, output.TotalBytes);
        Assert.Equal(8, output.DroppedBytes);
        Assert.Equal("0123\n[... 8 bytes dropped ...]\ncdef", output.Text());
    }

    [Theory]
    [InlineData(null, 120)]
    [InlineData(0.0, 120)]
    [InlineData(-5.0, 120)]
    [InlineData(30.0, 30)]
    [InlineData(9999.0, 600)]
    public void TimeoutsDefaultTo120AndStopAt600(double? asked, double expected) =>
        Assert.Equal(TimeSpan.FromSeconds(expected), ShellRequest.TimeoutFrom(asked));
}
