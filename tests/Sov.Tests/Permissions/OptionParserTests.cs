using Sov.Core.Permissions.Shell;

namespace Sov.Tests.Permissions;

public sealed class OptionParserTests
{
    private static readonly OptionTable Table = OptionTable.Of("nr", "ko", "--numeric --reverse", "--key --output", "--color -M", numeric: true);

    [Fact]
    public void ReadsOptionsTheWayGetoptLongDoes()
    {
        var parsed = OptionParser.Parse(Table, ["-nrk2", "--key=3", "--output", "F", "-M50", "--color", "a", "-5", "--", "-r"]);
        Assert.Null(parsed.Unknown);
        Assert.Equal(["-n", "-r", "-k", "--key", "--output", "-M", "--color", "-NUM"], parsed.Options.Select(o => o.Name));
        Assert.Equal(["2", "3", "F"], parsed.ValuesOf("-k", "--key", "--output"));
        Assert.Equal(["a", "-r"], parsed.Operands);
    }

    [Theory]
    [InlineData("--out=F")]
    [InlineData("--numeric=1")]
    [InlineData("-nx")]
    [InlineData("--colour")]
    public void AnythingNotInTheTableIsUnknown(string word)
    {
        Assert.Equal(word, OptionParser.Parse(Table, ["a", word]).Unknown);
    }

    // Issue #11: "git log --format --output=F": git takes --format only as --format=..., so the next word must
    // not be waved through as an argument when it is an unknown option.
    [Fact]
    public void AnOptionLookingArgumentMustBeAKnownOptionItself()
    {
        Assert.Equal("--out=F", OptionParser.Parse(Table, ["--key", "--out=F"]).Unknown);
        Assert.Equal("-x", OptionParser.Parse(Table, ["-k", "-x"]).Unknown);
        Assert.Null(OptionParser.Parse(Table, ["-k", "-n"]).Unknown);
    }
}
