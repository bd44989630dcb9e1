using System.Globalization;
using Microsoft.Extensions.AI;
using Sov.Core.Agent.Events;
using Sov.Core.Models;
using Sov.Core.Tools;

namespace Sov.Core.Agent.Subagents;

/// <summary>
/// Starts the children of one session (#17). A child gets a fresh context, its agent's system prompt and a subset of
/// the parent's own tools (the read-only ones unless its definition names more; never <c>task</c>, so no grandchildren),
/// and runs on the parent's tool context and permission gate: the same workspace, file border, sandbox, rules and
/// approvals, never wider. Read-only children run up to <see cref="SubagentLimits.MaxParallel"/> at once; one that may
/// write runs alone. Its events reach the parent's stream wrapped in <see cref="SubagentEvent"/>, its calls carry its id
/// (<c>sub1.call_1</c>), and its final answer, cut to <see cref="SubagentLimits.MaxResultBytes"/>, is the tool result.
/// </summary>
internal sealed class SubagentHost(SubagentParent parent) : ISubagents
{
    private readonly SemaphoreSlim _slots = new(parent.Options.SubagentLimits.MaxParallel);
    private readonly SemaphoreSlim _writer = new(1);
    private int _started;

    public async Task<ToolOutput> RunAsync(string callId, string? agent, string description, string prompt, CancellationToken cancellationToken)
    {
        var definition = parent.Agents.Find(string.IsNullOrWhiteSpace(agent) ? AgentDefinition.General.Name : agent.Trim());
        if (definition is null)
        {
            return ToolOutput.Error($"No agent named '{agent}'. Agents: {string.Join(", ", parent.Agents.All.Select(a => a.Name))}.");
        }

        var tools = ToolsFor(definition);
        var writes = tools.All.Any(t => !t.IsReadOnly);
        var id = string.Create(CultureInfo.InvariantCulture, $"sub{Interlocked.Increment(ref _started)}");
        var held = await AcquireAsync(writes, cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunChildAsync(id, callId, definition, tools, description, prompt, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release(held);
            if (writes)
            {
                _writer.Release();
            }
        }
    }

    private async Task<ToolOutput> RunChildAsync(string id, string callId, AgentDefinition definition, ToolRegistry tools, string description, string prompt,
        CancellationToken cancellationToken)
    {
        var limits = parent.Options.SubagentLimits;
        parent.Emit(new SubagentStarted(id, callId, definition.Name, description, [.. tools.All.Select(t => t.Name)], definition.Source));
        void Emit(AgentEvent e)
        {
            if (e is not (AssistantDelta or ReasoningDelta))
            {
                parent.Emit(new SubagentEvent(id, e));
            }
        }

        var chat = new ChatOptions { Instructions = Instructions(definition, tools), Tools = [.. tools.All.Select(ToolDeclaration.From)], ModelId = definition.Model };
        var answers = new AnswerReader(parent.Client, () => chat, tools, Emit) { CallIdPrefix = id + "." };
        var runner = new ToolRunner(tools, parent.Context with { Subagents = null }, parent.Gate) { AskAsync = parent.Ask, Emit = Emit, Secrets = parent.Options.Secrets, Hooks = parent.Options.Hooks } /* a child's calls meet the person's PreToolUse hooks too */;
        var run = new ChildRun(answers, runner, Emit, parent.Options, limits.MaxRequests);
        (TurnOutcome Outcome, string Text, int Requests) ended;
        try
        {
            ended = await run.RunAsync(prompt, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            parent.Emit(new SubagentCompleted(id, callId, TurnOutcome.Interrupted, "", false, 0));
            throw;
        }
        catch (SovException e)
        {
            ended = (TurnOutcome.Failed, $"{e.Message} {e.Remedy}", 0);
        }
#pragma warning disable CA1031 // A bug in a child ends the child with a failure the parent sees, and its end is journaled.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            ended = (TurnOutcome.Failed, $"internal error: {e.GetType().Name}: {PlainErrors.Describe(e)}", 0);
        }

        var (text, cut) = SubagentAnswer.Bound(ended.Text.Trim(), limits.MaxResultBytes);
        parent.Emit(new SubagentCompleted(id, callId, ended.Outcome, text, cut, ended.Requests));
        return ended.Outcome switch
        {
            TurnOutcome.Completed => ToolOutput.Ok(text.Length > 0 ? text : "(the subagent gave no answer)"),
            TurnOutcome.MaxTurns => ToolOutput.Error($"The subagent did not finish within {limits.MaxRequests} model requests. Its last answer: {text}"),
            _ => ToolOutput.Error($"The subagent failed: {text}"),
        };
    }

    /// <summary>The parent's tools the definition names (the read-only ones when it names none), never <c>task</c>.</summary>
    private ToolRegistry ToolsFor(AgentDefinition definition)
    {
        var names = definition.Tools ?? AgentToolNames.ReadOnly;
        return new ToolRegistry(names.Distinct(StringComparer.Ordinal).Select(parent.Tools.Find).OfType<ITool>().Where(t => t is not Tools.Subagents.TaskTool));
    }

    private static string Instructions(AgentDefinition definition, ToolRegistry tools) =>
        definition.Prompt + "\n\nYou are a subagent: another agent gave you the task in the next message, without its conversation. "
        + $"Do it with your tools ({string.Join(", ", tools.All.Select(t => t.Name))}); nobody can answer questions. "
        + "End with one concise answer: it is all the other agent receives.";

    /// <summary>A slot for a read-only child; every slot (after any other writer) for one that may write. Returns the slots held.</summary>
    private async Task<int> AcquireAsync(bool writes, CancellationToken cancellationToken)
    {
        if (!writes)
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            return 1;
        }

        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        var held = 0;
        try
        {
            for (; held < parent.Options.SubagentLimits.MaxParallel; held++)
            {
                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            return held;
        }
        catch (OperationCanceledException)
        {
            if (held > 0)
            {
                _slots.Release(held);
            }

            _writer.Release();
            throw;
        }
    }
}
