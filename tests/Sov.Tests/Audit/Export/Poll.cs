namespace Sov.Tests.Audit.Export;

/// <summary>Waits for an observable state (records at a collector), checking every few milliseconds, failing after a bound.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<bool> done, string what, int seconds = 60)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(seconds));
        while (!done())
        {
            try
            {
                await Task.Delay(20, bound.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out after {seconds} s waiting until {what}.");
            }
        }
    }
}
