namespace Sov.Core.Text;

/// <summary>How to classify one text: its syntax (for comment/string context) and whether info findings are wanted.</summary>
public readonly record struct ClassifyOptions(SourceKind Kind, bool IncludeInfo = false);
