using Microsoft.AspNetCore.Http;

namespace Sov.TestKit.Model;

/// <summary>
/// Plays the transport faults of <see cref="ScriptedFault"/> after a response's events. The pauses below are
/// the faults themselves (a server trickling or keeping a connection alive), never synchronisation.
/// </summary>
internal static class StreamFaults
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    /// <summary>Plays the fault; true when it ended the response (no finish chunk or [DONE] follows).</summary>
    public static async Task<bool> PlayAsync(HttpContext context, SseWriter sse, ScriptedResponse response, CancellationToken ct)
    {
        switch (response.Fault)
        {
            case ScriptedFault.ResetMidStream:
                await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                context.Abort();
                return true;
            case ScriptedFault.TruncatedSse:
                await sse.RawAsync("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"and th", ct).ConfigureAwait(false);
                return true;
            case ScriptedFault.EndlessStream:
                var chunk = Delta(new string('a', 16 * 1024));
                while (!ct.IsCancellationRequested)
                {
                    await sse.EventAsync(chunk, ct).ConfigureAwait(false);
                }

                return true;
            case ScriptedFault.SilentForever:
                await context.Response.Body.FlushAsync(ct).ConfigureAwait(false); // the headers go out; nothing else does
                await Task.Delay(Timeout.InfiniteTimeSpan, ct).ConfigureAwait(false);
                return true;
            case ScriptedFault.EmptyDeltasForever:
                await RepeatAsync(() => sse.EventAsync("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"}}]}", ct), ct).ConfigureAwait(false);
                return true;
            case ScriptedFault.KeepAliveForever:
                await RepeatAsync(() => sse.RawAsync(": keep-alive" + response.LineEnding + response.LineEnding, ct), ct).ConfigureAwait(false);
                return true;
            case ScriptedFault.TrickleForever:
                await RepeatAsync(() => sse.EventAsync(Delta("tick "), ct), ct).ConfigureAwait(false);
                return true;
            case ScriptedFault.HugeLine:
                await HugeLineAsync(sse, response.HugeLineBytes, ct).ConfigureAwait(false);
                return true;
            case ScriptedFault.EndWithoutDone:
                return true;
            default:
                return false;
        }
    }

    private static string Delta(string text) =>
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"}}]}";

    private static async Task RepeatAsync(Func<Task> send, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await send().ConfigureAwait(false);
            await Task.Delay(Tick, ct).ConfigureAwait(false);
        }
    }

    /// <summary>One "data:" line of <paramref name="bytes"/> bytes, sent in 64 KiB pieces, that never ends.</summary>
    private static async Task HugeLineAsync(SseWriter sse, long bytes, CancellationToken ct)
    {
        await sse.RawAsync("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"", ct).ConfigureAwait(false);
        var piece = new string('x', 64 * 1024);
        for (long sent = 0; sent < bytes && !ct.IsCancellationRequested; sent += piece.Length)
        {
            await sse.Response.WriteAsync(piece, ct).ConfigureAwait(false);
        }

        await sse.RawAsync("\"}}]}\n\n", ct).ConfigureAwait(false);
    }
}
