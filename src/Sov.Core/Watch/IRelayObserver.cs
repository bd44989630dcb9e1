namespace Sov.Core.Watch;

/// <summary>Told of every connection the contain relay carries out of the namespace: before it dials, and when it ends.</summary>
public interface IRelayObserver
{
    void Opening(string destination);

    void Closed(string destination, long bytesOut, long bytesIn, string? error);
}
