using System.Text.Json;
using Sov.Core.Models;

namespace Sov.Tests.Models;

public sealed class ContentToolCallParserTests
{
    private static readonly HashSet<string> Known = ["read_file", "grep"];

    [Fact]
    public void Qwen3CoderXml()
    {
        var (calls, text) = ContentToolCallParser.Parse(
            "I will read it.\n<tool_call>\n<function=read_file>\n<parameter=path>\nsrc/a.cs\n</parameter>\n<parameter=offset>\n5\n</parameter>\n</function>\n</tool_call>",
            Known);
        var call = Assert.Single(calls);
        Assert.Equal("read_file", call.Name);
        Assert.Equal("""{"path":"src/a.cs","offset":"5"}""", RawArguments.Get(call));
        Assert.Equal("I will read it.", text);
    }

    [Fact]
    public void Qwen3CoderXmlKeepsMultilineValues()
    {
        var (calls, _) = ContentToolCallParser.Parse("<tool_call><function=grep><parameter=pattern>a\nb</parameter></function></tool_call>", Known);
        Assert.Equal("a\nb", ((JsonElement)Assert.Single(calls).Arguments!["pattern"]!).GetString());
    }

    [Fact]
    public void HermesJson()
    {
        var (calls, text) = ContentToolCallParser.Parse("""<tool_call>{"name": "grep", "arguments": {"pattern": "TODO"}}</tool_call>""", Known);
        var call = Assert.Single(calls);
        Assert.Equal("grep", call.Name);
        Assert.Equal("""{"pattern": "TODO"}""", RawArguments.Get(call));
        Assert.Equal("", text);
    }

    [Fact]
    public void SeveralHermesCalls()
    {
        var (calls, _) = ContentToolCallParser.Parse(
            """<tool_call>{"name":"grep","arguments":{"pattern":"a"}}</tool_call>\n<tool_call>{"name":"read_file","arguments":{"path":"b"}}</tool_call>""", Known);
        Assert.Equal(["grep", "read_file"], calls.Select(c => c.Name));
        Assert.Equal(["call_c1", "call_c2"], calls.Select(c => c.CallId));
    }

    [Fact]
    public void FencedJsonNamingAKnownTool()
    {
        var (calls, _) = ContentToolCallParser.Parse("Here:\n```json\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"x\"}}\n```", Known);
        Assert.Equal("read_file", Assert.Single(calls).Name);
    }

    [Fact]
    public void FencedJsonNamingSomethingElseIsJustText()
    {
        const string answer = "Example config:\n```json\n{\"name\": \"my-package\", \"version\": \"1.0\"}\n```";
        var (calls, text) = ContentToolCallParser.Parse(answer, Known);
        Assert.Empty(calls);
        Assert.Equal(answer, text);
    }

    [Fact]
    public void PlainTextHasNoCalls()
    {
        var (calls, text) = ContentToolCallParser.Parse("Hello! <b>bold</b>", Known);
        Assert.Empty(calls);
        Assert.Equal("Hello! <b>bold</b>", text);
    }
}
