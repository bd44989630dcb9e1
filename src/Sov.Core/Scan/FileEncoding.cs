namespace Sov.Core.Scan;

/// <summary>How a file's text is encoded on disk; UTF-16 files are transcoded to UTF-8 for scanning and back when fixed.</summary>
public enum FileEncoding
{
    Utf8,
    Utf16LittleEndian,
    Utf16BigEndian,
}
