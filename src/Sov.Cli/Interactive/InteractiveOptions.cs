using Sov.Core.Config;

namespace Sov.Cli.Interactive;

/// <summary>What <c>sov</c> (no subcommand) was asked on the command line.</summary>
internal sealed record InteractiveOptions(SettingsOverrides Flags, bool Continue, bool ResumeGiven, string? ResumeId, string? Mode, string WorkspaceRoot);
