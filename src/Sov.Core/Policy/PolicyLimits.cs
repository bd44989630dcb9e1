using Sov.Core.Config;

namespace Sov.Core.Policy;

/// <summary>
/// The policy's model endpoint and model lists, checked before anything is sent: an endpoint is compared by
/// scheme, host and port (what the egress gate allows), so a refused one is refused before any name is resolved.
/// </summary>
public static class PolicyLimits
{
    public static bool AllowsEndpoint(this ManagedPolicy policy, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(baseUrl);
        return policy.Endpoints.Count == 0 || policy.Endpoints.Any(e =>
            string.Equals(e.Scheme, baseUrl.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(e.IdnHost, baseUrl.IdnHost, StringComparison.OrdinalIgnoreCase)
            && e.Port == baseUrl.Port);
    }

    public static void CheckEndpoint(this ManagedPolicy policy, Uri baseUrl)
    {
        if (!policy.AllowsEndpoint(baseUrl))
        {
            throw new ConfigException(
                $"The model endpoint {baseUrl.GetLeftPart(UriPartial.Authority)} is not allowed by {policy.Cite("model.endpoints")} (model.endpoints).",
                $"Use one it allows ({string.Join(", ", policy.Endpoints.Select(e => e.GetLeftPart(UriPartial.Authority)))}), e.g. --endpoint {policy.Endpoints[0]}, or ask your administrator.");
        }
    }

    public static bool AllowsModel(this ManagedPolicy policy, string model)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Models.Count == 0 || policy.Models.Contains(model, StringComparer.Ordinal);
    }

    /// <summary>Null when <paramref name="model"/> is allowed, else why not in one line.</summary>
    public static string? ModelRefusal(this ManagedPolicy policy, string model) =>
        policy.AllowsModel(model) ? null
        : $"The model '{model}' is not allowed by {policy.Cite("model.models")} (model.models); it allows: {string.Join(", ", policy.Models)}.";

    public static void CheckModel(this ManagedPolicy policy, string model)
    {
        if (policy.ModelRefusal(model) is { } why)
        {
            throw new ConfigException(why, $"Pass --model {policy.Models[0]} (or another it allows), or ask your administrator.");
        }
    }
}
