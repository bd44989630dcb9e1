using Sov.Core.Permissions;
using Sov.Core.Tools.Effects;

namespace Sov.Cli.Interactive;

/// <summary>
/// A call the permission policy asked about: the rules an "always" answer would add, the reason shown, what the
/// call touches and whether it would run outside the sandbox (the approval prompt says which).
/// </summary>
internal sealed record AskedCall(IReadOnlyList<PermissionRule> Rules, string Reason, ToolEffect Effect, bool Unsandboxed);
