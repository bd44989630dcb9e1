namespace Sov.Core.Tools.Editing;

/// <summary>The model's current plan: items with a status (pending, in_progress, completed).</summary>
public sealed class TodoList
{
    private readonly Lock _gate = new();
    private IReadOnlyList<(string Text, string Status)> _items = [];

    public IReadOnlyList<(string Text, string Status)> Items
    {
        get
        {
            lock (_gate)
            {
                return _items;
            }
        }
    }

    public void Replace(IReadOnlyList<(string Text, string Status)> items)
    {
        lock (_gate)
        {
            _items = items;
        }
    }

    /// <summary>The plan as the person sees it: one line per item with a box.</summary>
    public string Render() => string.Join('\n', Items.Select(i => i.Status switch
    {
        "completed" => $"[x] {i.Text}",
        "in_progress" => $"[>] {i.Text}",
        _ => $"[ ] {i.Text}",
    }));
}
