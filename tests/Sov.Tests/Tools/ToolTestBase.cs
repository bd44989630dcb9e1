using Sov.Borders.FileSystem;
using System.Text.Json;
using Sov.Core.Files;
using Sov.Core.Tools;

namespace Sov.Tests.Tools;

/// <summary>A real temporary workspace; runs tools with JSON arguments as the model would send them.</summary>
public abstract class ToolTestBase : IDisposable
{
    protected ToolTestBase()
    {
        Root = Directory.CreateTempSubdirectory("sov-tools-");
        Context = new ToolContext(new Workspace(Root.FullName, new NativeFileSystem()));
    }

    protected DirectoryInfo Root { get; }

    protected ToolContext Context { get; }

    protected void Write(string relative, string content)
    {
        var path = Path.Combine(Root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    protected async Task<ToolOutput> RunAsync(ITool tool, string json)
    {
        using var doc = JsonDocument.Parse(json);
        return await tool.ExecuteAsync(ArgumentCoercer.Coerce(tool.Schema, doc.RootElement), Context, TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        try
        {
            Root.Delete(recursive: true);
        }
        catch (IOException)
        {
            Files.RawNames.Delete(Root.FullName); // names that are not UTF-8: .NET cannot name them to delete them
        }

        GC.SuppressFinalize(this);
    }
}
