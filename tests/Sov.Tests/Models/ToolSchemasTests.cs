using System.Text.Json;
using System.Text.Json.Nodes;
using Sov.Core.Models;
using Sov.Core.Tools;

namespace Sov.Tests.Models;

/// <summary>#16: tool schemas kept to what grammar-based decoders accept; built-in ones go unchanged.</summary>
public sealed class ToolSchemasTests
{
    private static JsonElement Schema(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void BuiltInSchemasGoByteForByte()
    {
        foreach (var tool in ToolRegistry.ReadOnlyBuiltIns().All)
        {
            Assert.Null(ToolSchemas.Simplify(ToolDeclaration.From(tool).JsonSchema, plain: false));
        }
    }

    [Fact]
    public void ATopLevelAnyOfBecomesOnePlainObject()
    {
        var node = ToolSchemas.Simplify(Schema("""
            {"anyOf":[
              {"type":"object","properties":{"url":{"type":"string"}},"required":["url"]},
              {"type":"object","properties":{"path":{"type":"string"}},"required":["path"]}]}
            """), plain: false)!.AsObject();

        Assert.False(node.ContainsKey("anyOf"));
        Assert.Equal("object", node["type"]!.GetValue<string>());
        Assert.True(node["properties"]!.AsObject().ContainsKey("url"));
        Assert.True(node["properties"]!.AsObject().ContainsKey("path"));
        Assert.False(node.ContainsKey("required")); // neither is required by every branch
    }

    [Fact]
    public void HugeBoundsPatternsAndUnknownFormatsGo()
    {
        var node = ToolSchemas.Simplify(Schema("""
            {"type":"object","properties":{
              "body":{"type":"string","maxLength":1000000,"pattern":"^(a|b)+$"},
              "when":{"type":"string","format":"date-time"},
              "mail":{"type":"string","format":"email","maxLength":64}}}
            """), plain: false)!;

        var p = node["properties"]!;
        Assert.Null(p["body"]!["maxLength"]);
        Assert.Null(p["body"]!["pattern"]);
        Assert.Equal("date-time", p["when"]!["format"]!.GetValue<string>());
        Assert.Null(p["mail"]!["format"]);
        Assert.Equal(64, p["mail"]!["maxLength"]!.GetValue<int>());
    }

    [Fact]
    public void ADeepOrHugeMcpSchemaIsSentPlain()
    {
        var deep = "{\"type\":\"string\",\"enum\":[\"x\"]}";
        for (var i = 0; i < 8; i++)
        {
            deep = $"{{\"type\":\"object\",\"properties\":{{\"n{i}\":{deep}}}}}";
        }

        var node = ToolSchemas.Simplify(Schema(deep), plain: false)!;

        Assert.DoesNotContain("enum", node.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("object", node["type"]!.GetValue<string>());
    }

    [Fact]
    public void PlainKeepsNamesTypesDescriptionsAndRequired()
    {
        var node = ToolSchemas.Simplify(Schema("""
            {"type":"object","properties":{"n":{"type":["integer","null"],"minimum":1,"description":"how many"},
             "tags":{"type":"array","items":{"type":"string","enum":["a"]}}},"required":["n"],"additionalProperties":false}
            """), plain: true)!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"type":"object","properties":{"n":{"type":"integer","description":"how many"},"tags":{"type":"array","items":{"type":"string"}}},"required":["n"]}
            """), node), node.ToJsonString());
    }
}
