using Sov.Core.Config;

namespace Sov.Cli.Headless;

/// <summary>What <c>sov exec</c> was asked to do, from the command line; <see cref="Continue"/>: resume the workspace's last session.</summary>
internal sealed record ExecRequest(string Prompt, OutputFormat Format, SettingsOverrides Flags, string WorkspaceRoot, bool Continue = false);
