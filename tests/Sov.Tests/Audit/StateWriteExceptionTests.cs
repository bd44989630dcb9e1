using Sov.Core;
using Sov.Core.Audit;

namespace Sov.Tests.Audit;

/// <summary>#13.1: which I/O errors read "disk full", and that every one is exit 3 with a way forward.</summary>
public sealed class StateWriteExceptionTests
{
    [Theory]
    [InlineData(28)]  // ENOSPC
    [InlineData(122)] // EDQUOT
    [InlineData(27)]  // EFBIG
    public void FullDisksQuotasAndFileSizeLimitsAreDiskFull(int errno)
    {
        var error = StateWriteException.For(new IOException("write failed", errno), "journal", "/h/journal");
        Assert.True(error.DiskFull);
        Assert.Equal("disk full under SOV_HOME (/h/journal): could not write the journal; nothing it would have allowed was done.", error.Message);
        Assert.Equal("Free space, then `sov --continue`.", error.Remedy);
        Assert.Equal(ExitCodes.Environment, error.ExitCode);
    }

    [Fact]
    public void OtherIoErrorsSaySoAndStillExitThree()
    {
        var error = StateWriteException.For(new IOException("Input/output error", 5), "session file", "/h/sessions");
        Assert.False(error.DiskFull);
        Assert.StartsWith("cannot write under SOV_HOME (/h/sessions): the session file failed (Input/output error)", error.Message, StringComparison.Ordinal);
        Assert.Contains("sov --continue", error.Remedy, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Environment, error.ExitCode);
    }
}
