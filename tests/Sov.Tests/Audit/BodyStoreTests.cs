using System.Security.Cryptography;
using System.Text;
using Sov.Core.Audit;

namespace Sov.Tests.Audit;

public sealed class BodyStoreTests
{
    [Fact]
    public void StoresBytesUnderTheirHashAndReadsThemBack()
    {
        var dir = Directory.CreateTempSubdirectory("sov-bodies-").FullName;
        var store = new BodyStore(dir);
        var body = Encoding.UTF8.GetBytes("{\"model\":\"m\"}");
        var sha = store.Put(body);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(body)), sha);
        Assert.Equal(sha, store.Put(body));
        Assert.Equal(body, store.TryRead(sha));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void ATamperedBodyIsNotReturned()
    {
        var dir = Directory.CreateTempSubdirectory("sov-bodies-").FullName;
        var store = new BodyStore(dir);
        var sha = store.Put("original"u8);
        File.WriteAllText(store.PathOf(sha), "edited!!");
        Assert.Null(store.TryRead(sha));
        Assert.Null(store.TryRead("../../etc/passwd"));
        Directory.Delete(dir, true);
    }
}
