using Sov.Core.Tools;

namespace Sov.Tests.Tools;

public sealed class ToolSchemaTests
{
    [Fact]
    public void TheSchemaIsCompactJson()
    {
        var schema = new ToolSchema(
            new ToolParameter("path", ToolParameterType.String, "", Required: true),
            new ToolParameter("limit", ToolParameterType.Integer, "number of lines"));
        Assert.Equal(
            """{"type":"object","properties":{"path":{"type":"string"},"limit":{"type":"integer","description":"number of lines"}},"required":["path"]}""",
            schema.Json);
    }

    [Fact]
    public void BuiltInsHaveTheExactNamesAndParameters()
    {
        var tools = ToolRegistry.ReadOnlyBuiltIns().All.ToDictionary(t => t.Name, t => string.Join(",", t.Schema.Parameters.Select(p => p.Name)));
        Assert.Equal("path,offset,limit", tools["read_file"]);
        Assert.Equal("path", tools["list_dir"]);
        Assert.Equal("pattern,path", tools["glob"]);
        Assert.Equal("pattern,path,glob", tools["grep"]);
        Assert.All(ToolRegistry.ReadOnlyBuiltIns().All, t => Assert.True(t.IsReadOnly));
    }

    [Fact]
    public void ANameCannotBeRegisteredTwice() =>
        Assert.Throws<ArgumentException>(() => new ToolRegistry([.. ToolRegistry.ReadOnlyBuiltIns().All, new Sov.Core.Tools.BuiltIn.GrepTool()]));
}
