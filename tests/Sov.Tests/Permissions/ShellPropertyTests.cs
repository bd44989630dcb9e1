using FsCheck;
using FsCheck.Fluent;
using Sov.Core.Permissions;

namespace Sov.Tests.Permissions;

/// <summary>Properties over generated command lines: no length or position lets a denied command through.</summary>
public sealed class ShellPropertyTests
{
    private static readonly string[] Harmless = ["true", "ls -la", "git status", "echo hi", "cat README.md"];
    private static readonly string[] Separators = [" && ", " || ", "; ", " | "];
    private static readonly PermissionPolicy Policy = new(PermissionMode.FullAuto,
        PermissionRules.Parse(["shell:true", "shell:ls*", "shell:git status", "shell:echo *", "shell:cat *"], [], ["shell:rm*"]), true);

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property ADeniedSegmentAnywhereInAnyChainIsDenied()
    {
        var gen =
            from count in Gen.Choose(0, 120)
            from parts in Gen.ListOf(Gen.Elements(Harmless), count)
            from seps in Gen.ListOf(Gen.Elements(Separators), count + 1)
            from at in Gen.Choose(0, count)
            select (parts, seps, at);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var segments = t.parts.ToList();
            segments.Insert(t.at, "rm -rf src");
            var command = string.Concat(segments.Select((s, i) => i == 0 ? s : t.seps[i - 1] + s));
            return Policy.DecideShell(command).Verdict == Verdict.Deny;
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property ChainsOfAllowedSegmentsAreApproved()
    {
        var gen =
            from count in Gen.Choose(1, 80)
            from parts in Gen.ListOf(Gen.Elements(Harmless), count)
            from seps in Gen.ListOf(Gen.Elements(Separators), count)
            select (parts, seps);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var command = string.Concat(t.parts.Select((s, i) => i == 0 ? s : t.seps[i - 1] + s));
            return new PermissionPolicy(PermissionMode.Ask, Policy.Rules, true).DecideShell(command).Verdict == Verdict.Allow;
        });
    }
}
