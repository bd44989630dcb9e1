using Microsoft.Extensions.AI;
using Sov.Core.Agent.Events;
using Sov.Core.Files;
using Sov.Core.Tools;
using Sov.Core.Tools.BuiltIn;

namespace Sov.Core.Agent;

/// <summary>
/// The user message of a turn, with the images its prompt names attached: a word of the prompt that is the path of a PNG,
/// JPEG, GIF or WebP file (by its first bytes; <see cref="PromptPaths"/> for how paths are written) goes along as an image
/// part, for a model that accepts images (config <c>images = true</c>), up to <see cref="MaxImages"/> of at most
/// <see cref="ImageFormat.MaxBytes"/> each. The person typed the path, so a file outside the workspace may be attached, but
/// a path a read rule holds back is left alone (not even opened). Each attachment, and each image not sent (a text-only model, too
/// large), is said in a warning; a prompt naming no image is the plain text message it always was.
/// </summary>
internal static class PromptImages
{
    public const int MaxImages = 8;

    /// <param name="typed">The words the person typed, when <paramref name="prompt"/> carries more (an approved plan the
    /// model wrote): only paths in them are attached, so the model cannot name a file outside the workspace to be read unasked.</param>
    public static ChatMessage Message(string prompt, ToolContext context, Action<AgentEvent> emit, string? typed = null)
    {
        List<AIContent>? parts = null;
        foreach (var candidate in PromptPaths.Candidates(typed ?? prompt))
        {
            if (Read(candidate, context, emit) is not { } image)
            {
                continue;
            }

            if (parts is not null && parts.Count >= 1 + (2 * MaxImages))
            {
                emit(new Warning($"{candidate} was not attached: at most {MaxImages} images go with one prompt."));
                continue;
            }

            parts ??= [new TextContent(prompt)];
            parts.Add(new TextContent($"\n\nImage {image.Source}:"));
            parts.Add(new DataContent(image.Bytes, image.MediaType));
            emit(new Warning($"Attached {image.Source} ({ImageFormat.Name(image.MediaType)}, {ImageRead.Size(image.Bytes.Length)}) to the prompt."));
        }

        return parts is null ? new ChatMessage(ChatRole.User, prompt) : new ChatMessage(ChatRole.User, parts);
    }

    private static ToolImage? Read(string candidate, ToolContext context, Action<AgentEvent> emit)
    {
        try
        {
            var path = context.Workspace.Inspect(candidate);
            if (context.Workspace.Files.Kind(path.FullPath) != FileKind.File || !context.MayRead(path.Inside ? path.Display : path.FullPath))
            {
                return null;
            }

            using var stream = context.Workspace.OpenRead(path, outsideApproved: true);
            if (ImageFormat.Detect(stream) is not { } mediaType)
            {
                return null;
            }

            var name = $"{path.Display} is a {ImageFormat.Name(mediaType)} image ({ImageRead.Size(stream.Length)})";
            if (!context.ImagesAccepted)
            {
                emit(new Warning($"{name}; this model takes text only, so it was not attached (set images = true in config.toml if it accepts images)."));
                return null;
            }

            if (stream.Length > ImageFormat.MaxBytes)
            {
                emit(new Warning($"{name}, over the {ImageRead.Size(ImageFormat.MaxBytes)} limit for images; it was not attached."));
                return null;
            }

            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return new ToolImage(mediaType, bytes, path.Display);
        }
        catch (Exception e) when (e is WorkspaceException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null; // a word that is not a readable file is just a word
        }
    }
}
