namespace Sov.Core.Web;

/// <summary>A fetch that was refused (<see cref="Refused"/>: a redirect to a host off the list) or failed; the message says which and why.</summary>
public sealed class WebFetchException : Exception
{
    public WebFetchException(string message, bool refused)
        : base(message)
    {
        Refused = refused;
    }

    public WebFetchException()
        : this("The fetch failed.", false)
    {
    }

    public WebFetchException(string message)
        : this(message, false)
    {
    }

    public WebFetchException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public bool Refused { get; }
}
