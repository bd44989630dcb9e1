using System.Security.Cryptography;
using Sov.Core.Audit.Records;
using Sov.Core.Files;

namespace Sov.Core.Tools.Editing;

/// <summary>The journal record of a file change: its path and the SHA-256 of the bytes before (null when new) and after.</summary>
internal static class FileWrites
{
    public static FileWriteRecord Record(PreparedChange change) =>
        new(change.Path.Display, change.BeforeBytes is null ? null : Sha(change.BeforeBytes), Sha(change.Bytes));

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
