using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Sov.Tests.Guard;

/// <summary>
/// The compile-time border, checked again on the built output: only Sov.Borders may reference the
/// APIs that reach the outside (sockets, DNS, HTTP handlers, processes, environment, local time zone,
/// host and user names). Reads the assemblies' metadata, so it also catches a use that slipped past
/// the analyzer (a pragma, a suppression, a project that lost its BannedSymbols.txt).
/// </summary>
public sealed class BorderReferenceTests
{
    // Whole types that no assembly but Sov.Borders may name.
    private static readonly string[] BannedTypes =
    [
        "System.Net.Dns", "System.Net.WebRequest", "System.Net.HttpWebRequest", "System.Net.WebClient",
        "System.Diagnostics.Process", "System.Diagnostics.ProcessStartInfo",
    ];

    private static readonly string[] BannedNamespaces = ["System.Net.Sockets", "System.Net.NetworkInformation"];

    // Members (type, member name) no assembly but Sov.Borders may call.
    private static readonly (string Type, string Member)[] BannedMembers =
    [
        ("System.Net.Http.HttpClient", ".ctor"),
        ("System.Net.Http.HttpClientHandler", ".ctor"),
        ("System.Net.Http.SocketsHttpHandler", ".ctor"),
        ("System.TimeZoneInfo", "get_Local"),
        ("System.TimeZoneInfo", "FindSystemTimeZoneById"),
        ("System.TimeZoneInfo", "GetSystemTimeZones"),
        ("System.DateTime", "get_Now"),
        ("System.DateTime", "get_Today"),
        ("System.DateTimeOffset", "get_Now"),
        ("System.Environment", "GetEnvironmentVariable"),
        ("System.Environment", "GetEnvironmentVariables"),
        ("System.Environment", "ExpandEnvironmentVariables"),
        ("System.Environment", "SetEnvironmentVariable"),
        ("System.Environment", "get_MachineName"),
        ("System.Environment", "get_UserName"),
        ("System.Environment", "get_UserDomainName"),
        ("System.Environment", "get_OSVersion"),
        ("System.Environment", "GetFolderPath"),
        ("System.IO.Path", "GetTempPath"),
    ];

    private static readonly string[] Checked = ["sov.dll", "Sov.Core.dll"];

    public static TheoryData<string> OursButBorders => new(Checked);

    [Theory]
    [MemberData(nameof(OursButBorders))]
    public void NoAssemblyButBordersReachesOutside(string assembly)
    {
        var hits = Scan(Path.Combine(AppContext.BaseDirectory, assembly));
        Assert.True(hits.Count == 0, $"{assembly} references outside-touching APIs:\n{string.Join('\n', hits)}");
    }

    [Fact]
    public void TheScannerSeesWhatBordersUses()
    {
        // Positive control: Sov.Borders does use these doors, so the scan must find them there.
        var hits = Scan(Path.Combine(AppContext.BaseDirectory, "Sov.Borders.dll"));
        Assert.Contains(hits, h => h.Contains("System.Diagnostics.Process", StringComparison.Ordinal));
        Assert.Contains(hits, h => h.Contains("System.Environment::GetEnvironmentVariable", StringComparison.Ordinal));
        Assert.Contains(hits, h => h.Contains("System.Net.Http.HttpClient::.ctor", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryProductAssemblyIsChecked()
    {
        // A new product assembly must be added to the list above, or to the border on purpose.
        var ours = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Select(Path.GetFileName)
            .Where(n => n is "sov.dll" || n!.StartsWith("Sov.", StringComparison.Ordinal))
            .Where(n => n is not ("Sov.Tests.dll" or "Sov.TestKit.dll" or "Sov.Borders.dll"))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(Checked.Order(StringComparer.Ordinal), ours);
    }

    private static List<string> Scan(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var hits = new List<string>();
        foreach (var handle in md.TypeReferences)
        {
            var name = FullName(md, handle);
            if (BannedTypes.Contains(name) || BannedNamespaces.Any(ns => name.StartsWith(ns + ".", StringComparison.Ordinal)))
            {
                hits.Add($"type {name}");
            }
        }

        foreach (var handle in md.MemberReferences)
        {
            var member = md.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var type = FullName(md, (TypeReferenceHandle)member.Parent);
            var name = md.GetString(member.Name);
            if (BannedMembers.Contains((type, name)))
            {
                hits.Add($"member {type}::{name}");
            }
        }

        return hits;
    }

    private static string FullName(MetadataReader md, TypeReferenceHandle handle)
    {
        var type = md.GetTypeReference(handle);
        var name = md.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return FullName(md, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
        }

        var ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
