namespace Sov.Core.Watch;

/// <summary>
/// Turns the records of one <c>strace -f -v -yy -xx</c> log into <see cref="TraceFacts"/>: names looked
/// up (decoded from the DNS packets, whatever resolver sent them), destinations with bytes and TLS server
/// names, unix sockets, revealing reads outside <c>workspace</c>, programs executed, environment names,
/// files written inside the workspace. Pure: it reads text, nothing else.
/// </summary>
public sealed class TraceAnalysis
{
    private static readonly HashSet<string> OpenCalls = ["open", "openat", "openat2", "creat"];
    private static readonly HashSet<string> ProbeCalls = ["stat", "lstat", "newfstatat", "statx", "access", "faccessat", "faccessat2", "readlink", "readlinkat"];
    private static readonly HashSet<string> SendCalls = ["sendto", "sendmsg", "sendmmsg", "write", "writev", "pwrite64"];
    private static readonly HashSet<string> ReceiveCalls = ["recvfrom", "recvmsg", "recvmmsg", "read", "readv"];

    private readonly string _workspace;
    private readonly Dictionary<string, SortedSet<string>> _lookups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DestinationTally> _destinations = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _unix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WatchRead> _reads = new(StringComparer.Ordinal);
    private readonly List<WatchEnvironmentName> _environment = [];
    private readonly List<WatchProcess> _processes = [];
    private readonly SortedSet<string> _written = new(StringComparer.Ordinal);
    private bool _rootSeen;
    private string? _home;

    public TraceAnalysis(string workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        _workspace = workspace.TrimEnd('/');
    }

    public static TraceFacts Analyze(IEnumerable<StraceRecord> records, string workspace, IReadOnlyCollection<string> expected)
    {
        ArgumentNullException.ThrowIfNull(records);
        var analysis = new TraceAnalysis(workspace);
        foreach (var record in records)
        {
            analysis.Add(record);
        }

        return analysis.Facts(expected);
    }

    public void Add(StraceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Call is "execve" or "execveat")
        {
            Exec(record);
        }
        else if (OpenCalls.Contains(record.Call))
        {
            Open(record);
        }
        else if (ProbeCalls.Contains(record.Call))
        {
            Probe(record);
        }
        else if (record.Call is "rename" or "renameat" or "renameat2")
        {
            if (StraceText.Strings(record.Args) is [.., var target] && Absolute(System.Text.Encoding.UTF8.GetString(target), record.Args) is { } path && InWorkspace(path))
            {
                _written.Add(path);
            }
        }
        else if (record.Call == "connect")
        {
            Connect(record);
        }
        else if (SendCalls.Contains(record.Call))
        {
            Send(record);
        }
        else if (ReceiveCalls.Contains(record.Call))
        {
            Receive(record);
        }
    }

    public TraceFacts Facts(IReadOnlyCollection<string> expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, addresses) in _lookups)
        {
            foreach (var address in addresses)
            {
                names.TryAdd(address, name);
            }
        }

        var connections = _destinations.Values
            .Select(d =>
            {
                var name = names.GetValueOrDefault(d.Endpoint.Address);
                var isExpected = ExpectedEndpoints.Matches(expected, d.Endpoint, name);
                var hardCoded = name is null && !d.Endpoint.IsLoopback && d.Endpoint.Port != 53 && !isExpected;
                return new WatchConnection(d.Endpoint, name, hardCoded, isExpected, d.Result, d.BytesSent, [.. d.ServerNames]);
            })
            .OrderBy(c => c.Endpoint.ToString(), StringComparer.Ordinal)
            .ToList();
        var lookups = _lookups
            .Where(l => !ExpectedEndpoints.NamesHost(expected, l.Key))
            .Select(l => new WatchLookup(l.Key, [.. l.Value]))
            .OrderBy(l => l.Name, StringComparer.Ordinal)
            .ToList();
        var payloads = _destinations.Values
            .Where(d => d.Payload.Count > 0)
            .ToDictionary(d => d.Endpoint.ToString(), d => d.Payload.ToArray(), StringComparer.Ordinal);
        return new TraceFacts(lookups, connections, [.. _unix], [.. _reads.Values.OrderBy(r => r.Kind).ThenBy(r => r.Path, StringComparer.Ordinal)],
            _environment, _processes, [.. _written], payloads);
    }

    private void Exec(StraceRecord record)
    {
        if (!record.Succeeded || ExecCall.Parse(record) is not { } exec)
        {
            return;
        }

        if (_rootSeen)
        {
            _processes.Add(new WatchProcess(exec.Program, exec.Arguments));
            return;
        }

        // The first program is the command itself: its environment is what the command was given.
        _rootSeen = true;
        _home = exec.Home;
        foreach (var name in exec.EnvironmentNames.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (EnvironmentNames.Kind(name) is { } kind)
            {
                _environment.Add(new WatchEnvironmentName(name, kind));
            }
        }
    }

    private void Open(StraceRecord record)
    {
        // The name asked for (/etc/localtime) says more than where its symlink led (/usr/share/zoneinfo/...).
        var asked = StraceText.FirstString(record.Args) is { } name ? Absolute(name, record.Args) : null;
        var opened = record.Succeeded ? StraceText.ResultPath(record.Result) : null;
        var path = asked is not null && (opened is null || MachineReadKinds.Classify(asked, _home) is not null) ? asked : opened;
        if (path is null)
        {
            return;
        }

        var writes = record.Call == "creat" || record.Args.Contains("O_WRONLY", StringComparison.Ordinal)
            || record.Args.Contains("O_RDWR", StringComparison.Ordinal) || record.Args.Contains("O_CREAT", StringComparison.Ordinal);
        if (InWorkspace(path))
        {
            if (writes && record.Succeeded)
            {
                _written.Add(path);
            }

            return;
        }

        Classify(path, record.Succeeded);
    }

    private void Probe(StraceRecord record)
    {
        if (StraceText.FirstString(record.Args) is { } asked && Absolute(asked, record.Args) is { } path && !InWorkspace(path))
        {
            Classify(path, record.Succeeded);
        }
    }

    private void Classify(string path, bool found)
    {
        if (MachineReadKinds.Classify(path, _home) is { } kind)
        {
            _reads[path] = _reads.TryGetValue(path, out var seen) ? seen with { Found = seen.Found || found } : new WatchRead(path, kind, found);
        }
    }

    private void Connect(StraceRecord record)
    {
        if (TraceEndpoint.FromSockaddr(record.Args) is not { } endpoint)
        {
            return;
        }

        if (endpoint.Unix)
        {
            _unix.Add(endpoint.Address);
            return;
        }

        var tally = Tally(endpoint);
        var outcome = record.Succeeded ? "connected" : record.Error is "EINPROGRESS" or "" ? "attempted" : record.Error;
        if (!tally.Connected)
        {
            tally.Result = outcome;
            tally.Connected = outcome == "connected";
        }
    }

    private void Send(StraceRecord record)
    {
        var endpoint = TraceEndpoint.FromSockaddr(record.Args) ?? TraceEndpoint.FromDecoration(StraceText.FirstDescriptor(record.Args), out _);
        if (endpoint is null || endpoint.Unix)
        {
            return;
        }

        var payload = StraceText.Strings(record.Args).SelectMany(b => b).ToArray();
        var tally = Tally(endpoint);
        if (record.ReturnValue is > 0 and var sent)
        {
            tally.BytesSent += sent;
            if (tally.Result is "attempted" or "sent")
            {
                tally.Connected = true;
                tally.Result = "connected";
            }
        }
        else if (!tally.Connected && record.Error.Length > 0)
        {
            tally.Result = record.Error;
        }

        if (endpoint.Port == 53 && DnsMessage.Parse(payload) is { IsResponse: false } query)
        {
            LookupOf(query.Name);
            return;
        }

        if (TlsClientHello.ServerName(payload) is { } serverName)
        {
            tally.ServerNames.Add(serverName);
        }

        tally.Add(payload);
    }

    private void Receive(StraceRecord record)
    {
        var from = TraceEndpoint.FromDecoration(StraceText.FirstDescriptor(record.Args), out _) ?? TraceEndpoint.FromSockaddr(record.Args);
        if (from is not { Port: 53 } || !record.Succeeded)
        {
            return;
        }

        var payload = StraceText.Strings(record.Args).SelectMany(b => b).ToArray();
        if (DnsMessage.Parse(payload) is { IsResponse: true } answer)
        {
            LookupOf(answer.Name).UnionWith(answer.Addresses);
        }
    }

    private SortedSet<string> LookupOf(string name)
    {
        var key = name.TrimEnd('.').ToLowerInvariant();
        if (!_lookups.TryGetValue(key, out var addresses))
        {
            _lookups[key] = addresses = new SortedSet<string>(StringComparer.Ordinal);
        }

        return addresses;
    }

    private DestinationTally Tally(TraceEndpoint endpoint)
    {
        var key = endpoint.ToString();
        if (!_destinations.TryGetValue(key, out var tally))
        {
            _destinations[key] = tally = new DestinationTally(endpoint);
        }

        return tally;
    }

    private static string? Absolute(string path, string args) =>
        path.StartsWith('/') ? path : StraceText.WorkingFolder(args) is { } cwd ? cwd.TrimEnd('/') + "/" + path : null;

    private bool InWorkspace(string path) =>
        path.StartsWith(_workspace + "/", StringComparison.Ordinal) || path == _workspace;
}
