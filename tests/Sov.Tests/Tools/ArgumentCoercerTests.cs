using System.Text.Json;
using Sov.Core.Tools;

namespace Sov.Tests.Tools;

public sealed class ArgumentCoercerTests
{
    private static readonly ToolSchema Schema = new(
        new ToolParameter("path", ToolParameterType.String, "", Required: true),
        new ToolParameter("limit", ToolParameterType.Integer, ""),
        new ToolParameter("ratio", ToolParameterType.Number, ""),
        new ToolParameter("all", ToolParameterType.Boolean, ""),
        new ToolParameter("items", ToolParameterType.Array, "", ItemsType: ToolParameterType.String));

    private static ToolArguments Coerce(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return ArgumentCoercer.Coerce(Schema, doc.RootElement);
    }

    [Theory]
    [InlineData("""{"path":"a","limit":230}""", 230)]
    [InlineData("""{"path":"a","limit":"230"}""", 230)]
    [InlineData("""{"path":"a","limit":"230.0"}""", 230)] // local models send integers as decimal strings
    [InlineData("""{"path":"a","limit":230.0}""", 230)]
    public void IntegersAreCoerced(string json, long expected) => Assert.Equal(expected, Coerce(json).GetInteger("limit"));

    [Theory]
    [InlineData("true", true)]
    [InlineData("\"true\"", true)]
    [InlineData("\"False\"", false)]
    [InlineData("1", true)]
    public void BooleansAreCoerced(string value, bool expected) => Assert.Equal(expected, Coerce($$"""{"path":"a","all":{{value}}}""").GetBoolean("all"));

    [Fact]
    public void ANumberForAStringBecomesItsText() => Assert.Equal("42", Coerce("""{"path":42}""").GetString("path"));

    [Fact]
    public void AnArrayGivenAsJsonTextIsParsed() =>
        Assert.Equal(2, Coerce("""{"path":"a","items":"[\"x\",\"y\"]"}""").GetJson("items")!.Value.GetArrayLength());

    [Fact]
    public void DoubleEncodedArgumentsAreUnwrapped() => Assert.Equal("a", Coerce("\"{\\\"path\\\":\\\"a\\\"}\"").GetString("path"));

    [Theory]
    [InlineData("""{"path":"a","limit":"lots"}""", "'limit' must be integer")]
    [InlineData("""{"path":"a","limit":2.5}""", "'limit' must be integer")]
    [InlineData("""{"path":"a","all":"maybe"}""", "'all' must be boolean")]
    [InlineData("""{"limit":3}""", "Missing required parameter 'path'")]
    [InlineData("""{"path":"a","colour":"red"}""", "Unknown parameter 'colour'")]
    [InlineData("""[1,2]""", "must be a JSON object")]
    public void WhatCannotBeCoercedIsAnErrorNeverDropped(string json, string message)
    {
        var e = Assert.Throws<ToolException>(() => Coerce(json));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullMeansNotGiven() => Assert.False(Coerce("""{"path":"a","limit":null}""").Has("limit"));
}
