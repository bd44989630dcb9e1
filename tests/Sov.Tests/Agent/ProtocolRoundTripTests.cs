using System.Reflection;
using Sov.Core;
using Sov.Core.Agent.Events;
using Sov.Core.Agent.Protocol;
using Sov.Core.Agent.Submissions;
using Sov.Tests.Headless;

namespace Sov.Tests.Agent;

/// <summary>#14: every submission and event goes to its documented line and back unchanged; a bad line is one clear error.</summary>
public sealed class ProtocolRoundTripTests
{
    public static TheoryData<string, string> SubmissionLines => new()
    {
        { nameof(UserTurn), """{"type":"user_turn","text":"fix the \"build\" > now"}""" },
        { nameof(Approve), """{"type":"approve","call_id":"call_1","mode":"auto-edit"}""" },
        { nameof(Deny), """{"type":"deny","call_id":"call_1","reason":null}""" },
        { nameof(Interrupt), """{"type":"interrupt"}""" },
        { nameof(Compact), """{"type":"compact"}""" },
        { nameof(Undo), """{"type":"undo"}""" },
        { nameof(Rewind), """{"type":"rewind","turn":2,"files":true}""" },
    };

    private static readonly Submission[] Submissions =
        [new UserTurn("fix the \"build\" > now"), new Approve("call_1", "auto-edit"), new Deny("call_1"), new Interrupt(), new Compact(), new Undo(), new Rewind(2, true)];

    [Theory]
    [MemberData(nameof(SubmissionLines))]
    public void EverySubmissionHasItsLineAndComesBack(string name, string expected)
    {
        var submission = Submissions.Single(s => s.GetType().Name == name);

        var line = ProtocolJson.Line(submission);

        Assert.Equal(expected, line);
        Assert.Equal(submission, ProtocolJson.ReadSubmission(line));
    }

    [Fact]
    public void TheLinesCoverEverySubmission()
    {
        var declared = typeof(Submission).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Submission)) && !t.IsAbstract).Select(t => t.Name);

        Assert.Equal(declared.Order(), Submissions.Select(s => s.GetType().Name).Order());
    }

    [Fact]
    public void ADenyReasonAndFieldsInAnyOrderAreRead()
    {
        Assert.Equal(new Deny("c", "too broad"), ProtocolJson.ReadSubmission("""{"reason":"too broad","call_id":"c","type":"deny"}"""));
        Assert.Equal(new UserTurn("hi"), ProtocolJson.ReadSubmission("""{"text":"hi","type":"user_turn","extra":1}"""));
        Assert.Equal(new Approve("c"), ProtocolJson.ReadSubmission("""{"type":"approve","call_id":"c"}""")); // #17: mode is for plans only
    }

    [Fact]
    public void EveryEventComesBackExactlyEvenHostile()
    {
        foreach (var e in HostileText.EveryEvent().Select(e => e with { SessionId = "s" }))
        {
            Assert.Equal(e, ProtocolJson.ReadEvent(ProtocolJson.Line(e)));
        }
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"launch_missiles"}""")]
    [InlineData("""{"text":"no type"}""")]
    [InlineData("""{"type":"approve"}""")]
    [InlineData("""{"type":"user_turn","text":null}""")]
    [InlineData("null")]
    public void ABadSubmissionLineIsOneUsageError(string line)
    {
        var error = Assert.Throws<SovException>(() => ProtocolJson.ReadSubmission(line));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.StartsWith("Not a protocol submission: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void TheWireNamesAreDeclaredOnTheBaseTypes()
    {
        // One place: a derived type without a [JsonDerivedType] line would fail to serialise.
        var derived = typeof(AgentEvent).GetCustomAttributes<System.Text.Json.Serialization.JsonDerivedTypeAttribute>().Select(a => a.DerivedType);
        var events = typeof(AgentEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(AgentEvent)) && !t.IsAbstract);

        Assert.Equal(events.OrderBy(t => t.Name), derived.OrderBy(t => t.Name));
    }

    [Fact]
    public void EveryEnumOnTheWireDeclaresSnakeCaseNames()
    {
        // The generated serialiser writes an enum member by its C# name unless it declares a wire name: "MaxTurns" would break readers.
        var wire = new[] { typeof(AgentEvent), typeof(Submission), typeof(StreamFrame) };
        var enums = typeof(AgentEvent).Assembly.GetTypes()
            .Where(t => wire.Any(w => t.IsSubclassOf(w)))
            .SelectMany(t => t.GetProperties())
            .Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
            .Where(t => t.IsEnum)
            .Distinct()
            .ToList();

        Assert.NotEmpty(enums);
        foreach (var member in enums.SelectMany(e => e.GetFields(BindingFlags.Public | BindingFlags.Static)))
        {
            var name = member.GetCustomAttribute<System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute>()?.Name;
            Assert.True(name is not null && name == System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Name), $"{member.DeclaringType!.Name}.{member.Name}");
        }
    }
}
