using System.Text;
using Sov.Borders.FileSystem;
using Sov.Cli.Acp;
using Sov.Cli.Acp.Rpc;
using Sov.Core.Files;
using Sov.Core.Permissions;
using Sov.Tests.Files;

namespace Sov.Tests.Cli.Acp;

/// <summary>
/// #18: under <c>sov acp</c> with the editor's file system, the file tools' reads and writes go to the editor only for
/// paths the file border lets through (inside, not protected); everything else stays on the disk and the editor hears
/// nothing of it. The modes offered stop at the managed policy's cap.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EditorFileAccessTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly Workspace _ws;
    private readonly FakeEditor _editor = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public EditorFileAccessTests() => _ws = new Workspace(_tree.Root, new NativeFileSystem());

    public void Dispose() => _tree.Dispose();

    private sealed class FakeEditor : IEditorBuffers
    {
        public Dictionary<string, string> Buffers { get; } = new(StringComparer.Ordinal);

        public List<string> Asked { get; } = [];

        public bool Fails { get; set; }

        public Task<string> ReadAsync(string path, CancellationToken cancellationToken)
        {
            Asked.Add("read " + path);
            return Fails ? throw new RpcException(-32603, "no such buffer")
                : Task.FromResult(Buffers.TryGetValue(path, out var text) ? text : File.ReadAllText(path));
        }

        public Task WriteAsync(string path, string text, CancellationToken cancellationToken)
        {
            Asked.Add("write " + path);
            if (Fails)
            {
                throw new RpcException(-32603, "read-only buffer");
            }

            Buffers[path] = text;
            return Task.CompletedTask;
        }
    }

    private EditorFileAccess Access(bool reads = true, bool writes = true) => new(_ws, new WorkspaceFileAccess(_ws), _editor, reads, writes);

    private async Task<string> ReadAsync(IFileAccess access, string path) =>
        Encoding.UTF8.GetString(await WorkspaceFileAccess.ReadAllBytesAsync(access, _ws.Inspect(path), Ct));

    [Fact]
    public async Task AnEditFromTheBufferIsWrittenThroughTheEditorAndTheDiskIsLeftAlone()
    {
        File.WriteAllText(_tree.In("a.txt"), "disk\n");
        _editor.Buffers[_tree.In("a.txt")] = "unsaved\n";
        var editor = new FileEditor(_ws, Access());

        var change = await editor.PrepareEditAsync("a.txt", "unsaved", "edited", replaceAll: false, Ct);
        await editor.ApplyAsync(change, null, "edit_file", Ct);

        Assert.Equal("edited\n", _editor.Buffers[_tree.In("a.txt")]);
        Assert.Equal("disk\n", File.ReadAllText(_tree.In("a.txt")));
    }

    [Fact]
    public async Task ABufferChangedSinceTheReadIsNotOverwritten()
    {
        File.WriteAllText(_tree.In("a.txt"), "disk\n");
        _editor.Buffers[_tree.In("a.txt")] = "one\n";
        var editor = new FileEditor(_ws, Access());
        var change = await editor.PrepareEditAsync("a.txt", "one", "two", replaceAll: false, Ct);
        _editor.Buffers[_tree.In("a.txt")] = "typed meanwhile\n";

        await Assert.ThrowsAsync<WorkspaceException>(() => editor.ApplyAsync(change, null, "edit_file", Ct));
        Assert.Equal("typed meanwhile\n", _editor.Buffers[_tree.In("a.txt")]);
    }

    [Theory]
    [InlineData(".git/config")]
    [InlineData(".sov/config.toml")]
    [InlineData(".vscode/settings.json")]
    public async Task AProtectedPathIsReadFromDiskAndNeverWrittenNorAskedAbout(string relative)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_tree.In(relative))!);
        File.WriteAllText(_tree.In(relative), "protected\n");

        Assert.Equal("protected\n", await ReadAsync(Access(), relative));
        await Assert.ThrowsAsync<WorkspaceException>(() => Access().ReplaceAsync(_ws.Inspect(relative), "x"u8.ToArray(), "protected\n"u8.ToArray(), null, Ct));
        Assert.Empty(_editor.Asked);
    }

    [Fact]
    public async Task APathOutsideTheWorkspaceOrALinkLeadingOutNeverReachesTheEditor()
    {
        using var outside = new TempTree();
        File.WriteAllText(outside.In("secret.txt"), "secret\n");
        File.CreateSymbolicLink(_tree.In("link.txt"), outside.In("secret.txt"));

        await Assert.ThrowsAsync<WorkspaceException>(() => ReadAsync(Access(), outside.In("secret.txt")));
        await Assert.ThrowsAsync<WorkspaceException>(() => ReadAsync(Access(), "link.txt"));
        await Assert.ThrowsAsync<WorkspaceException>(() => Access().ReplaceAsync(_ws.Inspect("link.txt"), "x"u8.ToArray(), null, null, Ct));
        Assert.Empty(_editor.Asked);
        Assert.Equal("secret\n", File.ReadAllText(outside.In("secret.txt")));
    }

    [Fact]
    public async Task APathAReadRuleHoldsBackIsNeverNamedToTheEditor()
    {
        Directory.CreateDirectory(_tree.In("secrets"));
        File.WriteAllText(_tree.In("secrets/key.txt"), "disk\n");
        File.CreateSymbolicLink(_tree.In("alias.txt"), _tree.In("secrets/key.txt"));
        var access = new EditorFileAccess(_ws, new WorkspaceFileAccess(_ws), _editor, reads: true, writes: true)
        {
            ReadsFreely = relative => !relative.StartsWith("secrets", StringComparison.Ordinal),
        };

        Assert.Equal("disk\n", await ReadAsync(access, "secrets/key.txt"));
        Assert.Equal("disk\n", await ReadAsync(access, "alias.txt"));
        await access.ReplaceAsync(_ws.Inspect("secrets/key.txt"), "new\n"u8.ToArray(), "disk\n"u8.ToArray(), null, Ct);
        Assert.Equal("new\n", File.ReadAllText(_tree.In("secrets/key.txt")));
        Assert.Empty(_editor.Asked);
    }

    [Fact]
    public async Task ABinaryFileIsReadFromDiskAndAFifoIsNeverAskedAbout()
    {
        File.WriteAllBytes(_tree.In("b.bin"), [1, 0, 2]);
        Assert.Equal(3, (await WorkspaceFileAccess.ReadAllBytesAsync(Access(), _ws.Inspect("b.bin"), Ct)).Length);
        ProjectFileBorderTests.MakeFifo(_tree.In("pipe"));
        await Assert.ThrowsAsync<WorkspaceException>(() => ReadAsync(Access(), "pipe"));

        Assert.Empty(_editor.Asked);
    }

    [Fact]
    public async Task WithoutTheCapabilitiesTheDiskIsUsedAndAnEditorErrorIsOneLine()
    {
        File.WriteAllText(_tree.In("a.txt"), "disk\n");
        _editor.Buffers[_tree.In("a.txt")] = "unsaved\n";
        Assert.Equal("disk\n", await ReadAsync(Access(reads: false, writes: false), "a.txt"));
        await Access(reads: false, writes: false).ReplaceAsync(_ws.Inspect("a.txt"), "new\n"u8.ToArray(), "disk\n"u8.ToArray(), null, Ct);
        Assert.Equal("new\n", File.ReadAllText(_tree.In("a.txt")));
        Assert.Empty(_editor.Asked);

        _editor.Fails = true;
        var refused = await Assert.ThrowsAsync<WorkspaceException>(() => ReadAsync(Access(), "a.txt"));
        Assert.Contains("editor could not read a.txt", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheModesOfferedStopAtTheManagedPolicysCap()
    {
        var capped = new PermissionPolicy(PermissionMode.Ask, PermissionRules.Parse([], [], []), sandboxAvailable: true) { MaxMode = PermissionMode.Ask };
        Assert.Equal(["plan", "read-only", "ask"], AcpModes.Offered(PermissionMode.Ask, capped).AvailableModes.Select(m => m.Id));
        var noSandbox = new PermissionPolicy(PermissionMode.Ask, PermissionRules.Parse([], [], []), sandboxAvailable: false);
        Assert.DoesNotContain("full-auto", AcpModes.Offered(PermissionMode.Ask, noSandbox).AvailableModes.Select(m => m.Id));
    }
}
