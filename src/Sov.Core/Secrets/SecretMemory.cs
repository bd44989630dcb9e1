using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Sov.Core.Secrets;

/// <summary>
/// The secret values one session has seen, so that the egress redactor replaces them, and their base64, hex,
/// percent-encoded and reversed forms (<see cref="EncodedForms"/>), wherever they turn up later: a hostile model
/// that reads <c>.env</c> and then runs <c>base64 -w0 .env</c> or <c>rev .env</c> sends nothing it learned.
/// Fed by every tool output (<see cref="LearnFromToolOutput"/>) and by every secret the redactor's patterns find.
/// Values on the person's allow-list and values that are not worth remembering (<see cref="SecretValue"/>) are
/// left out. Held in memory only, never written anywhere; thread-safe.
/// </summary>
public sealed class SecretMemory
{
    /// <summary>How many values one session remembers at most; past it, new values are still redacted by pattern.</summary>
    public const int Capacity = 4096;

    private readonly Lock _lock = new();
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private readonly HashSet<UInt128> _harvested = [];
    private readonly FrozenSet<string> _allow;
    private SecretForms? _forms;

    public SecretMemory(RedactionOptions? options = null)
    {
        _allow = (options ?? RedactionOptions.None).Allow.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>How many values are remembered.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _secrets.Count;
            }
        }
    }

    /// <summary>Grows by one with every value remembered: a redaction that saw it change may need another pass.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// Remembers <paramref name="value"/>, or each of its lines when it spans several (a private key); returns
    /// whether anything new was remembered.
    /// </summary>
    public bool Remember(string value) => Remember(value, vouched: false);

    /// <summary>
    /// Remembers a value; a <paramref name="vouched"/> one (a password by its place in a credentials file) may be a
    /// plain word of 10 or more letters (<see cref="SecretValue.IsWorthRemembering"/>).
    /// </summary>
    internal bool Remember(string value, bool vouched)
    {
        ArgumentNullException.ThrowIfNull(value);
        var added = false;
        foreach (var piece in value.Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var v = piece.Trim('"', '\'');
            if (!SecretValue.IsWorthRemembering(v, vouched) || (_allow.Count > 0 && (_allow.Contains(v) || _allow.Contains(Redactor.Hash8(v)))))
            {
                continue;
            }

            lock (_lock)
            {
                if (_secrets.Count < Capacity && _secrets.Add(v))
                {
                    added = true;
                    _forms = null;
                    Version++;
                }
            }
        }

        return added;
    }

    /// <summary>
    /// Learns the secrets in what a tool returned. When its arguments name a credentials file
    /// (<see cref="CredentialFiles"/>) every value assigned in the output is a candidate, else only what the
    /// patterns find (and lines of grep output from such files).
    /// </summary>
    public void LearnFromToolOutput(string rawArguments, string output)
    {
        ArgumentNullException.ThrowIfNull(rawArguments);
        ArgumentNullException.ThrowIfNull(output);
        Learn(output, CredentialFiles.Mentioned(rawArguments));
    }

    /// <summary>Learns the secrets in <paramref name="text"/>, as from a credentials file when <paramref name="credentialFile"/>.</summary>
    public void Learn(string text, bool credentialFile)
    {
        foreach (var (value, vouched) in SecretHarvest.Values(text, credentialFile))
        {
            Remember(value, vouched);
        }
    }

    /// <summary>
    /// Learns what <paramref name="text"/> hides encoded or reversed, the first time this exact text is seen
    /// (a conversation is sent again with every request; only its new strings cost anything). The redactor calls
    /// it on each text before redacting it, so a secret that first shows up encoded (MCP output, a pasted dump)
    /// is caught in that same text. Plain pattern hits are the redactor's to remember.
    /// </summary>
    public void LearnOnce(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < SecretValue.MinLength * 2)
        {
            return;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan()), hash);
        var key = BinaryPrimitives.ReadUInt128LittleEndian(hash);
        lock (_lock)
        {
            if (!_harvested.Add(key))
            {
                return;
            }
        }

        foreach (var (value, vouched) in SecretHarvest.Values(text, credentialFile: false, plainScanned: true))
        {
            Remember(value, vouched);
        }
    }

    /// <summary>Whether <paramref name="value"/> is remembered as it is.</summary>
    public bool Contains(string value)
    {
        lock (_lock)
        {
            return _secrets.Contains(value);
        }
    }

    /// <summary>The search for all forms of all remembered values, rebuilt after the memory changed.</summary>
    internal SecretForms Forms
    {
        get
        {
            lock (_lock)
            {
                return _forms ??= new SecretForms([.. _secrets]);
            }
        }
    }

    private static readonly string[] LineBreaks = ["\r\n", "\n", "\r", "\\n", "\\r"];
}
