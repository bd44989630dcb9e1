namespace Sov.Core.Agent;

/// <summary>The model's answer cannot count as an answer: empty, or cut off by the server's token limit (#13.5).</summary>
public sealed class AnswerRefusedException(string message, string remedy) : SovException(message, remedy, ExitCodes.Failed);
