using Sov.Core.Hooks;

namespace Sov.Tests.Hooks;

// Issue #17: hooks answer as Claude Code's do: exit 0 go on, 2 block with stderr, other codes are non-blocking errors,
// or a JSON object on stdout; a PreToolUse hook that cannot answer keeps its call from running.
public sealed class HookAnswerTests
{
    private static readonly HookDefinition Pre = new(HookEvent.PreToolUse, "x") { Label = "PreToolUse[0]" };

    private static HookAnswer Answer(HookProcessResult result, HookEvent e = HookEvent.PreToolUse) => HookAnswer.From(e, Pre, result);

    [Fact]
    public void ExitTwoBlocksWithStderrAsTheReason()
    {
        var a = Answer(ScriptedHookProcess.Exit(2, "ignored", "no rm here\n"));
        Assert.True(a.Blocks);
        Assert.Equal("no rm here", a.Reason);
        Assert.Equal("block", a.DecisionName);
    }

    [Fact]
    public void OtherExitCodesGoOnAsErrors()
    {
        var a = Answer(ScriptedHookProcess.Exit(1, "", "jq: not found"));
        Assert.False(a.Blocks);
        Assert.Equal(HookDecision.Error, a.Decision);
        Assert.Contains("jq: not found", a.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"decision":"block","reason":"tests first"}""", HookDecision.Block, "tests first")]
    [InlineData("""{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"nope"}}""", HookDecision.Block, "nope")]
    [InlineData("""{"continue":false,"stopReason":"halt"}""", HookDecision.Block, "halt")]
    [InlineData("""{"decision":"approve","reason":"fine"}""", HookDecision.Approve, "fine")]
    [InlineData("""{"hookSpecificOutput":{"permissionDecision":"allow"}}""", HookDecision.Approve, null)]
    [InlineData("""{"suppressOutput":true}""", HookDecision.GoOn, null)]
    public void JsonOnStdoutDecides(string stdout, HookDecision decision, string? reason)
    {
        var a = Answer(ScriptedHookProcess.Exit(0, stdout));
        Assert.Equal(decision, a.Decision);
        Assert.Equal(reason, a.Reason);
    }

    [Fact]
    public void ContextComesFromJsonOrPlainStdoutOfPromptHooks()
    {
        Assert.Equal("ctx", Answer(ScriptedHookProcess.Exit(0, """{"hookSpecificOutput":{"additionalContext":"ctx"}}""")).Context);
        Assert.Equal("branch main", Answer(ScriptedHookProcess.Exit(0, "branch main\n"), HookEvent.UserPromptSubmit).Context);
        Assert.Null(Answer(ScriptedHookProcess.Exit(0, "chatter")).Context); // plain stdout of a tool hook is not context
    }

    [Fact]
    public void APreToolUseHookThatTimesOutOrCannotRunBlocks_OthersGoOn()
    {
        var timedOut = new HookProcessResult(-1, "", "", true, TimeSpan.FromSeconds(1), true);
        Assert.True(Answer(timedOut).Blocks);
        Assert.Equal("timeout", Answer(timedOut).DecisionName);
        Assert.True(Answer(HookProcessResult.NotRun("no bwrap", true)).Blocks);
        Assert.False(Answer(timedOut, HookEvent.PostToolUse).Blocks);
    }
}
