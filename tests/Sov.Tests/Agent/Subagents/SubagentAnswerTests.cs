using System.Text;
using Sov.Core.Agent.Subagents;

namespace Sov.Tests.Agent.Subagents;

public sealed class SubagentAnswerTests
{
    [Fact]
    public void AnAnswerWithinTheBoundIsKeptWhole()
    {
        Assert.Equal(("short", false), SubagentAnswer.Bound("short", 16));
    }

    [Fact]
    public void ALongerAnswerIsCutOnACharacterAndSaysSo()
    {
        var text = new string('a', 10) + "😀" + new string('b', 100);

        var (cut, truncated) = SubagentAnswer.Bound(text, 12);

        Assert.True(truncated);
        Assert.StartsWith(new string('a', 10) + "\n[cut: the subagent's answer was 114 bytes; only the first 10 are here]", cut, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(cut.Split('\n')[0]) <= 12);
    }
}
