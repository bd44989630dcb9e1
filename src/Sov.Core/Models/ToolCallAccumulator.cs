using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;

namespace Sov.Core.Models;

/// <summary>
/// Assembles native tool calls whose id, name and arguments arrive in pieces, keyed by the chunk's
/// index. Some servers number every call 0: a new id at an index already in use starts a new call.
/// </summary>
public sealed class ToolCallAccumulator
{
    private readonly List<Slot> _slots = [];
    private readonly Dictionary<int, Slot> _byIndex = [];

    public bool IsEmpty => _slots.Count == 0;

    public int Length => _slots.Sum(s => s.Arguments.Length + s.Name.Length);

    public void Add(int index, string? id, string? name, string? argumentsPiece)
    {
        if (!_byIndex.TryGetValue(index, out var slot) || (!string.IsNullOrEmpty(id) && slot.Id is not null && slot.Id != id))
        {
            slot = new Slot();
            _slots.Add(slot);
            _byIndex[index] = slot;
        }

        if (!string.IsNullOrEmpty(id))
        {
            slot.Id = id;
        }

        // Some servers repeat the whole name in every chunk; others send it once.
        if (!string.IsNullOrEmpty(name) && slot.Name != name)
        {
            slot.Name += name;
        }

        slot.Arguments.Append(argumentsPiece);
    }

    public IReadOnlyList<FunctionCallContent> Build() =>
        _slots.Select((s, i) => RawArguments.CreateCall(
                s.Id ?? "call_" + i.ToString(CultureInfo.InvariantCulture),
                s.Name,
                s.Arguments.ToString()))
            .ToList();

    private sealed class Slot
    {
        public string? Id { get; set; }

        public string Name { get; set; } = "";

        public StringBuilder Arguments { get; } = new();
    }
}
