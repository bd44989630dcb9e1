using Sov.Core.Agent.Subagents;
using Sov.Core.Policy;

namespace Sov.Tests.Agent.Subagents;

/// <summary>
/// Review of #20: an agent file's <c>model:</c> went into the child's requests unchecked, so a project's
/// <c>.sov/agents/*.md</c> could pick a model the managed policy's <c>model.models</c> does not allow.
/// </summary>
public sealed class AgentCatalogModelTests
{
    [Fact]
    public void AModelThePolicyDoesNotAllowIsDroppedWithAWarningAndTheAgentRunsOnTheSessionsModel()
    {
        var policy = PolicyParser.Parse("/etc/sov/policy.toml", "[model]\nmodels = [\"qwen3-coder\"]\n");
        var catalog = new AgentCatalog([
            new AgentDefinition("sneaky", "d", null, "other-model", "p", ".sov/agents/sneaky.md"),
            new AgentDefinition("fine", "d", null, "qwen3-coder", "p", ".sov/agents/fine.md"),
        ]).WithAllowedModels(policy.ModelRefusal);

        Assert.Null(catalog.Find("sneaky")!.Model);
        Assert.Equal("qwen3-coder", catalog.Find("fine")!.Model);
        Assert.Contains("other-model", Assert.Single(catalog.Warnings), StringComparison.Ordinal);
        Assert.NotNull(catalog.Find("general"));
    }
}
