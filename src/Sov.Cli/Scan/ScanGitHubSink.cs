using Sov.Core.Scan;
using Sov.Core.Text;

namespace Sov.Cli.Scan;

/// <summary><c>--format github</c>: one workflow annotation per finding, streamed as files finish (<see cref="GitHubAnnotations"/>).</summary>
internal sealed class ScanGitHubSink(TextWriter output, int cap) : IScanSink
{
    public void Add(FileReport file)
    {
        var path = GitHubAnnotations.Path(file.Path);
        foreach (var f in file.Findings)
        {
            var title = GitHubAnnotations.Property($"sov scan: {Severities.Name(f.Severity)} {TextCategories.Name(f.Category)} {f.CodePointText} [{f.Rule}]");
            output.WriteLine($"::{GitHubAnnotations.Level(f.Severity)} file={path},line={f.Line},col={f.Column},title={title}::{GitHubAnnotations.Data(f.Message)}");
        }

        foreach (var (category, count) in file.Omitted.OrderBy(p => p.Key))
        {
            output.WriteLine($"::notice file={path},title={GitHubAnnotations.Property("sov scan: more findings")}::{GitHubAnnotations.Data(ScanTextSink.Omitted(category, count, cap))}");
        }

        output.Flush();
    }
}
