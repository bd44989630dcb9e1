using System.Text;
using Sov.Core.Audit;

namespace Sov.Tests.Audit;

/// <summary>Each way of tampering with a sealed journal is caught at the first bad sequence number.</summary>
public sealed class TamperTests
{
    [Fact]
    public void OneFlippedByteIsCaughtAtItsRecord()
    {
        using var f = new JournalFixture();
        var bytes = File.ReadAllBytes(f.Path);
        var third = IndexOfLine(bytes, 2); // start of seq 3
        var at = Array.IndexOf(bytes, (byte)'1', third + 10); // a digit inside seq 3's fields
        bytes[at] = (byte)'9';
        File.WriteAllBytes(f.Path, bytes);
        var result = JournalVerifier.Verify(f.Path);
        Assert.False(result.Ok);
        Assert.Equal(3, result.FirstBadSeq);
        Assert.Contains("edited", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AFlippedByteInAStatedHashIsCaught()
    {
        using var f = new JournalFixture();
        var lines = f.Lines();
        var l = lines[1];
        lines[1] = l[..^5] + (l[^5] == 'a' ? 'b' : 'a') + l[^4..];
        f.Write(lines);
        Assert.Equal(2, JournalVerifier.Verify(f.Path).FirstBadSeq);
    }

    [Fact]
    public void ADeletedLineIsCaught()
    {
        using var f = new JournalFixture();
        var lines = f.Lines();
        lines.RemoveAt(2);
        f.Write(lines);
        var result = JournalVerifier.Verify(f.Path);
        Assert.False(result.Ok);
        Assert.Equal(3, result.FirstBadSeq);
    }

    [Fact]
    public void TwoSwappedLinesAreCaught()
    {
        using var f = new JournalFixture();
        var lines = f.Lines();
        (lines[2], lines[3]) = (lines[3], lines[2]);
        f.Write(lines);
        var result = JournalVerifier.Verify(f.Path);
        Assert.False(result.Ok);
        Assert.Equal(3, result.FirstBadSeq);
    }

    [Fact]
    public void AnInsertedCopyOfALineIsCaught()
    {
        using var f = new JournalFixture();
        var lines = f.Lines();
        lines.Insert(2, lines[1]);
        f.Write(lines);
        Assert.Equal(3, JournalVerifier.Verify(f.Path).FirstBadSeq);
    }

    [Fact]
    public void ATruncatedTailIsCaught()
    {
        using var f = new JournalFixture();
        var bytes = File.ReadAllBytes(f.Path);
        File.WriteAllBytes(f.Path, bytes[..^30]);
        var result = JournalVerifier.Verify(f.Path);
        Assert.False(result.Ok);
        Assert.Equal(6, result.FirstBadSeq); // session + 4 + the cut seal
        Assert.Contains("partial last line", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AJournalCutToItsFirstRecordIsCaught()
    {
        using var f = new JournalFixture();
        f.Write(f.Lines().Take(1));
        var result = JournalVerifier.Verify(f.Path);
        Assert.False(result.Ok);
        Assert.Equal(2, result.FirstBadSeq);
        Assert.Contains("no seal", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingSealIsCaught()
    {
        using var f = new JournalFixture();
        var lines = f.Lines();
        lines.RemoveAt(lines.Count - 1);
        f.Write(lines);
        var result = JournalVerifier.Verify(f.Path);
        Assert.False(result.Ok);
        Assert.False(result.Sealed);
        Assert.Equal(6, result.FirstBadSeq);
    }

    [Fact]
    public void ARecordAfterTheSealIsCaught()
    {
        using var f = new JournalFixture();
        var lines = f.Lines();
        lines.Add(lines[1]);
        f.Write(lines);
        Assert.Equal(7, JournalVerifier.Verify(f.Path).FirstBadSeq);
    }

    [Fact]
    public void ARecomputedHashDoesNotHideAnEditBecauseTheNextPrevBreaks()
    {
        // The attacker edits seq 2 and fixes its own hash; seq 3's prev still names the original.
        using var f = new JournalFixture();
        var lines = f.Lines();
        var edited = lines[1].Replace("\"bytes_out\":100", "\"bytes_out\":999", StringComparison.Ordinal);
        var body = Encoding.UTF8.GetBytes(edited[..^ChainHash.SuffixLength]);
        lines[1] = Encoding.UTF8.GetString(ChainHash.Line(body, out _)).TrimEnd('\n');
        f.Write(lines);
        var result = JournalVerifier.Verify(f.Path);
        Assert.Equal(3, result.FirstBadSeq);
        Assert.Contains("prev", result.Problem, StringComparison.Ordinal);
    }

    private static int IndexOfLine(byte[] bytes, int n)
    {
        var at = 0;
        for (var i = 0; i < n; i++)
        {
            at = Array.IndexOf(bytes, (byte)'\n', at) + 1;
        }

        return at;
    }
}
