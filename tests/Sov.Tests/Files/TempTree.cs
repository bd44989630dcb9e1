namespace Sov.Tests.Files;

/// <summary>A real folder with a workspace <c>proj</c>, a sibling <c>proj-evil</c> and an <c>outside</c> folder.</summary>
internal sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Base = Directory.CreateTempSubdirectory("sov-files-").FullName;
        Root = Directory.CreateDirectory(Path.Combine(Base, "proj")).FullName;
        Sibling = Directory.CreateDirectory(Path.Combine(Base, "proj-evil")).FullName;
        Outside = Directory.CreateDirectory(Path.Combine(Base, "outside")).FullName;
        File.WriteAllText(Path.Combine(Outside, "secret.txt"), "SECRET");
    }

    public string Base { get; }
    public string Root { get; }
    public string Sibling { get; }
    public string Outside { get; }

    public string In(string relative) => Path.Combine(Root, relative);

    public void Dispose() => Directory.Delete(Base, recursive: true);
}
