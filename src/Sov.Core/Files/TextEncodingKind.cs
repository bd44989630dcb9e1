namespace Sov.Core.Files;

/// <summary>The encodings the file border edits in place.</summary>
public enum TextEncodingKind
{
    Utf8,
    Utf16LittleEndian,
    Utf16BigEndian,
}
