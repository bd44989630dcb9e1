namespace Sov.Tests.Headless;

/// <summary>Stands in for an open pipe that never writes (ssh, some CI runners): every read blocks until disposed.</summary>
internal sealed class SilentReader : TextReader
{
    private readonly ManualResetEventSlim _closed = new();

    public override int Peek()
    {
        _closed.Wait();
        return -1;
    }

    public override string ReadToEnd()
    {
        _closed.Wait();
        return "";
    }

    protected override void Dispose(bool disposing)
    {
        _closed.Set();
        base.Dispose(disposing);
    }
}
