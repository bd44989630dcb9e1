namespace Sov.Tests.Policy;

/// <summary>A policy file that sets every key (#20), shared by the parser's and the clamp's tests.</summary>
internal static class PolicySamples
{
    public const string Full = """
        [model]
        endpoints = ["http://10.0.0.5:8000/v1"]
        models = ["qwen3-coder"]

        [permissions]
        max_mode = "auto-edit"
        require_sandbox = true
        ask = ["shell:git push*"]
        deny = ["read:**/.env"]
        env = ["GOPATH"]

        [mcp.servers.docs]
        url = "https://docs.corp.example/mcp"

        [mcp.servers.files]
        command = "/usr/bin/mcp-files"

        [redaction]
        patterns = ["ACME-[0-9]{8}"]

        [audit.export]
        endpoint = "http://127.0.0.1:4318"

        [hooks]
        allow_user_hooks = false

        [web]
        hosts = ["docs.corp.example"]
        """;
}
