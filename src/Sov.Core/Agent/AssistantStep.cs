using Microsoft.Extensions.AI;

namespace Sov.Core.Agent;

/// <summary>One model answer: the message for the history, its text without call markup, and its tool calls.</summary>
internal sealed record AssistantStep(ChatMessage Message, string Text, IReadOnlyList<FunctionCallContent> Calls);
