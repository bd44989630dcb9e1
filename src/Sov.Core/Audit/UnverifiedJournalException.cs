namespace Sov.Core.Audit;

/// <summary>A session's journal does not verify, so it is not continued (#14): it stays as found, evidence of whatever changed it.</summary>
public sealed class UnverifiedJournalException(string message, string remedy) : SovException(message, remedy, ExitCodes.Failed);
