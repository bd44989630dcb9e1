using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;

namespace Sov.Core.Models;

/// <summary>Assembles native tool calls whose id, name and arguments arrive in pieces, keyed by index.</summary>
public sealed class ToolCallAccumulator
{
    private readonly SortedDictionary<int, (string? Id, string Name, StringBuilder Arguments)> _calls = [];

    public bool IsEmpty => _calls.Count == 0;

    public int Length => _calls.Values.Sum(c => c.Arguments.Length + c.Name.Length);

    public void Add(int index, string? id, string? name, string? argumentsPiece)
    {
        if (!_calls.TryGetValue(index, out var call))
        {
            call = (null, "", new StringBuilder());
        }

        if (!string.IsNullOrEmpty(id))
        {
            call.Id = id;
        }

        // Some servers repeat the whole name in every chunk; others send it once.
        if (!string.IsNullOrEmpty(name) && call.Name != name)
        {
            call.Name += name;
        }

        call.Arguments.Append(argumentsPiece);
        _calls[index] = call;
    }

    public IReadOnlyList<FunctionCallContent> Build() =>
        _calls.Select(kv => RawArguments.CreateCall(
                kv.Value.Id ?? "call_" + kv.Key.ToString(CultureInfo.InvariantCulture),
                kv.Value.Name,
                kv.Value.Arguments.ToString()))
            .ToList();
}
