using System.Text;
using Sov.Cli.Acp.Rpc;
using Sov.Cli.Acp.Wire;

namespace Sov.Cli.Acp;

/// <summary>
/// A <c>session/prompt</c>'s content blocks as the one message the model gets: text as it is, an embedded resource's
/// text under its URI (the editor's context: an open file, a selection), a resource link by name and URI. Images and
/// audio are not offered in <c>initialize</c>, so a prompt carrying them is invalid params.
/// </summary>
internal static class AcpPrompt
{
    public static string Text(IReadOnlyList<ContentBlock>? blocks)
    {
        if (blocks is not { Count: > 0 })
        {
            throw new RpcException(RpcCodes.InvalidParams, "Invalid params: the prompt has no content.");
        }

        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            switch (block.Type)
            {
                case "text":
                    text.Append(block.Text);
                    break;
                case "resource" when block.Resource is { Text: { } body } resource:
                    text.Append("\n\n<context uri=\"").Append(resource.Uri).Append("\">\n").Append(body).Append("\n</context>\n");
                    break;
                case "resource_link":
                    text.Append(" [").Append(block.Name).Append("](").Append(block.Uri).Append(')');
                    break;
                default:
                    throw new RpcException(RpcCodes.InvalidParams, $"Invalid params: Sovereign does not take '{block.Type}' content in a prompt (it offers text and embedded text resources).");
            }
        }

        return text.ToString().Trim().Length > 0 ? text.ToString() : throw new RpcException(RpcCodes.InvalidParams, "Invalid params: the prompt is empty.");
    }
}
