using System.Text.Json;

namespace Sov.Core.Audit;

/// <summary>
/// One kind of journal record. The journal writes <c>seq</c>, <c>ts</c> and <c>type</c>, then lets the
/// record write its own fields, then adds <c>prev</c> and <c>hash</c>. Fields must never carry a secret:
/// redactions are recorded by kind and hash only.
/// </summary>
public interface IJournalRecord
{
    /// <summary>The record's <c>type</c> value, lower-case with underscores (for example <c>model_request</c>).</summary>
    string Type { get; }

    void WriteFields(Utf8JsonWriter writer);

    /// <summary>
    /// True (the default) when the record precedes or decides an action and must be on disk before
    /// <see cref="Journal.Append"/> returns. Records of what already happened (a response's size, token
    /// usage, a tool's result, a finding) return false: they are written at once but fsynced with the next
    /// record that must be, or the seal (see <see cref="Journal"/>, "Durability").
    /// </summary>
    bool SyncBeforeReturn => true;
}
