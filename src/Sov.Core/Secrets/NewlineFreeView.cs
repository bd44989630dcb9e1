namespace Sov.Core.Secrets;

/// <summary>
/// A text with its line breaks taken out, and the way back to positions in the original: base64 and hex
/// dumps wrap (<c>base64</c> at 76 columns, <c>xxd -p</c> at 60), so an encoded secret can straddle a break.
/// </summary>
internal sealed class NewlineFreeView
{
    private readonly int[]? _map;

    private NewlineFreeView(string text, int[]? map)
    {
        Text = text;
        _map = map;
    }

    public string Text { get; }

    public static NewlineFreeView Of(string text)
    {
        if (text.AsSpan().IndexOfAny('\n', '\r') < 0)
        {
            return new NewlineFreeView(text, null);
        }

        var chars = new char[text.Length];
        var map = new int[text.Length];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r'))
            {
                chars[n] = text[i];
                map[n++] = i;
            }
        }

        return new NewlineFreeView(new string(chars, 0, n), map);
    }

    /// <summary>The span of the original text that <c>[start, end)</c> of the view came from.</summary>
    public (int Start, int Length) ToOriginal(int start, int end)
    {
        if (_map is null)
        {
            return (start, end - start);
        }

        var from = _map[start];
        return (from, _map[end - 1] + 1 - from);
    }
}
