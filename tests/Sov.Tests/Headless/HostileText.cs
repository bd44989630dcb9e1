using System.Reflection;
using Sov.Core.Agent.Events;

namespace Sov.Tests.Headless;

/// <summary>
/// What a hostile model or tool puts in every string it controls (issue #11): OSC 52 clipboard write,
/// OSC 8 link, OSC 0 title, CSI clear-screen, C1 CSI/OSC/ST/NEL, bidi overrides and isolates, bidi
/// marks, tag characters, zero-width characters, BOM, CR, backspace, DEL, a line separator.
/// </summary>
internal static class HostileText
{
    public const string Payload =
        "tool\e]52;c;cHduZWQ=\a\e]8;;https://evil.example/\e\\link\e]8;;\e\\\e]0;title\a\e[2J" +
        "\u009b31m\u009d0;t\u009c\u0085\u202Eevil\u2066x\u2069\u200F\u061C\U000E0041\U000E0042\U000E007F" +
        " a\u200Bb\u2060\uFEFF\r\b\u007F\u2028end\r\nline two\tx";

    /// <summary>One of every event type of the protocol, built by reflection so a new event or field cannot be left out.</summary>
    public static IReadOnlyList<AgentEvent> EveryEvent(string text = Payload) =>
        [.. typeof(AgentEvent).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(AgentEvent)) && !t.IsAbstract)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => Build(t, text))];

    /// <summary>How many string fields the event has, lists of strings and a nested event's message included (each carries the payload once).</summary>
    public static int StringFields(AgentEvent e) => Primary(e.GetType()).GetParameters()
        .Count(p => p.ParameterType == typeof(string) || p.ParameterType == typeof(IReadOnlyList<string>) || p.ParameterType == typeof(AgentEvent));

    private static AgentEvent Build(Type type, string text)
    {
        var ctor = Primary(type);
        var args = ctor.GetParameters().Select(p => p.ParameterType switch
        {
            var s when s == typeof(string) => text,
            var i when i == typeof(int) => 7,
            var l when l == typeof(long?) || l == typeof(long) => (object)7L,
            var b when b == typeof(bool) => true,
            var o when o == typeof(TurnOutcome) => TurnOutcome.Completed,
            var k when k == typeof(ApprovalKind) => ApprovalKind.HiddenText,
            var u when u == typeof(UndoOutcome) => UndoOutcome.Undone,
            var r when r == typeof(RewindOutcome) => RewindOutcome.Rewound,
            var list when list == typeof(IReadOnlyList<string>) => new[] { text },
            var nested when nested == typeof(AgentEvent) => new Warning(text), // a subagent's event (#17)
            _ => throw new NotSupportedException($"{type.Name}.{p.Name}: teach HostileText a {p.ParameterType.Name}"),
        }).ToArray();
        return (AgentEvent)ctor.Invoke(args);
    }

    private static ConstructorInfo Primary(Type type) =>
        type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
}
