using System.Net.Http;
using System.Text.Json;
using Sov.Borders.Network;
using Sov.Core;

namespace Sov.Tests;

/// <summary>
/// #13.8: in the published binary (UseSystemResourceKeys) a framework exception's message is its resource key;
/// such keys must never reach a person. These exceptions carry key-shaped messages on purpose.
/// </summary>
public sealed class PlainErrorsTests
{
    public static TheoryData<Exception, string> Cases => new()
    {
        { new HttpRequestException(HttpRequestError.Unknown, "net_http_client_execution_error"), "the connection broke" },
        { new HttpRequestException(HttpRequestError.ResponseEnded, "net_http_response_ended"), "closed the connection" },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "net_http_dns"), "host name was not found" },
        { new FileNotFoundException("IO_FileNotFound_FileName, /a/b", "/a/b"), "file not found: /a/b" },
        { new DirectoryNotFoundException("IO_PathNotFound_Path, /a"), "folder not found" },
        { new UnauthorizedAccessException("UnauthorizedAccess_IODenied_Path, /a"), "permission denied" },
        { new IOException("IO_DiskFull_Path_Name, /a", 28), "no space left" },
        { new IOException("IO_SharingViolation_File, /a"), "input/output error" },
        { new JsonException("ExpectedStartOfValueNotFound, x", "$", 0, 4), "invalid JSON at line 1, byte 5" },
        { new System.ComponentModel.Win32Exception(2, "ErrorStartingProcess, bwrap, /w, No such file"), "no such file or folder" },
        { new InvalidOperationException("InvalidOperation_EnumFailedVersion"), "unexpected InvalidOperationException" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FrameworkExceptionsAreDescribedByTypeNeverByKey(Exception e, string expected)
    {
        var text = PlainErrors.Describe(e);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("_", text.Replace("/a/b", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void OurOwnMessagesPassUnchanged()
    {
        Assert.Equal("cannot open it (error 40)", PlainErrors.Describe(new IOException("cannot open it (error 40)")));
        Assert.Equal("x went wrong", PlainErrors.Describe(new SovException("x went wrong", "fix", 1)));
    }

    [Fact]
    public void TheEgressGatePassesSocketErrorsOnInPlainWords()
    {
        var inner = new HttpRequestException(HttpRequestError.ConnectionError, "net_http_client_execution_error",
            new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));
        var plain = NetworkErrors.Plain(inner, new Uri("http://127.0.0.1:9/v1"));
        Assert.Equal("the connection was refused (http://127.0.0.1:9)", plain.Message);
        Assert.Equal(HttpRequestError.ConnectionError, plain.HttpRequestError);
    }
}
