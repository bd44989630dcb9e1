using Microsoft.Extensions.AI;

namespace Sov.Core.Agent;

/// <summary>What one answer's tool calls came to (see <see cref="ToolBatch"/>).</summary>
internal sealed record ToolBatchResult(IReadOnlyList<FunctionResultContent> Results, bool EndsTurn, ChatMessage? Images);
