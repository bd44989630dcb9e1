using Sov.Core.Agent.Events;

namespace Sov.Cli.Headless;

/// <summary>A headless consumer of the agent's event stream (text, json, stream-json).</summary>
internal interface IEventPrinter
{
    /// <summary>Said once before the turn: where the model is and which workspace.</summary>
    void Start(SessionInfo session);

    void Print(AgentEvent agentEvent);

    /// <summary>Said once at the very end, with the exit code sov will return.</summary>
    void Finish(int exitCode);
}
