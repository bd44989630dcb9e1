namespace Sov.Core.Policy;

/// <summary>What <c>lstat</c> says of one path on the way to the policy file: its owner and its whole <c>st_mode</c>.</summary>
public sealed record PolicyPathEntry(string Path, uint Owner, int Mode);
