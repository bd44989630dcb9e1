namespace Sov.TestKit.RealServer;

/// <summary>
/// A llama-server build and its tiny qwen2 model, as <c>.ci/llama-server.sh</c> caches them (#16):
/// <c>SOV_LLAMA_DIR</c> when set, otherwise the newest complete folder under ~/.cache/sov-llama.
/// </summary>
public sealed record LlamaInstall(string Folder)
{
    /// <summary>Why the real-server tests skip when <see cref="Find"/> gives null.</summary>
    public const string MissingReason =
        "llama-server and its tiny model are not built: run .ci/llama-server.sh (about 13 minutes on 2 cores; .ci/run does it) or set SOV_LLAMA_DIR";

    public string Server => Path.Combine(Folder, "bin", "llama-server");

    public string Model => Path.Combine(Folder, "models", "tiny-qwen2.gguf");

    /// <summary>The Qwen2.5-Instruct chat template with tools, from llama.cpp's models/templates.</summary>
    public string Template => Path.Combine(Folder, "models", "templates", "Qwen-Qwen2.5-7B-Instruct.jinja");

    private bool Complete => File.Exists(Server) && File.Exists(Model) && File.Exists(Template);

    public static LlamaInstall? Find()
    {
        var given = Environment.GetEnvironmentVariable("SOV_LLAMA_DIR");
        if (!string.IsNullOrEmpty(given))
        {
            var install = new LlamaInstall(given);
            return install.Complete ? install : null;
        }

        var home = Environment.GetEnvironmentVariable("HOME");
        var root = string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "sov-llama");
        if (root is null || !Directory.Exists(root))
        {
            return null;
        }

        return Directory.EnumerateDirectories(root)
            .Select(d => new LlamaInstall(d))
            .Where(i => i.Complete)
            .OrderByDescending(i => File.GetLastWriteTimeUtc(i.Server))
            .FirstOrDefault();
    }
}
