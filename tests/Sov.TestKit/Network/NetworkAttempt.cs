namespace Sov.TestKit.Network;

/// <summary>
/// One attempt to reach the network seen by the observer: a <c>connect</c>/<c>sendto</c>/<c>sendmsg</c> to an
/// address (<see cref="Family"/> AF_INET, AF_INET6 or AF_UNIX), or a name-resolution step (<see cref="Syscall"/>
/// <c>openat</c> of /etc/resolv.conf, /etc/hosts, /etc/nsswitch.conf, /etc/gai.conf).
/// </summary>
public sealed record NetworkAttempt(int Pid, string Syscall, string Family, string Address, int? Port)
{
    public bool IsInternet => Family is "AF_INET" or "AF_INET6";

    /// <summary>A DNS query (port 53), a resolver configuration read, or a lookup daemon's socket.</summary>
    public bool IsNameResolution =>
        Syscall == "openat"
        || (IsInternet && Port == 53)
        || (Family == "AF_UNIX" && (Address.Contains("nscd", StringComparison.Ordinal) || Address.Contains("resolve", StringComparison.Ordinal)));

    public override string ToString() => Port is { } p ? $"{Syscall} {Family} {Address}:{p} (pid {Pid})" : $"{Syscall} {Family} {Address} (pid {Pid})";
}
