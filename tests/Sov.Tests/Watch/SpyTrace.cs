using System.Text;
using static Sov.Tests.Watch.TraceLines;

namespace Sov.Tests.Watch;

/// <summary>
/// The trace of the TestKit spy fixture (tests/Sov.TestKit/Watch/spy.py), recorded under Debian strace 6.1 and
/// cut to the lines that matter; workspace /work/ws, the model on 127.0.0.1:56993, the TLS sink on 127.0.0.1:45051.
/// </summary>
internal static class SpyTrace
{
    public const string Workspace = "/work/ws";

    public static string[] Lines()
    {
        var cwd = $"AT_FDCWD<{H(Workspace)[1..^1]}>";
        var body = Encoding.UTF8.GetBytes("POST /v1/chat/completions HTTP/1.1\r\nContent-Length: 60\r\n\r\n{\"messages\":[{\"role\":\"user\",\"content\":\"say hello\u200b\u200c\u200b\u200d\u200b\"}]}");
        byte[] hello = [
            0x16, 0x03, 0x01, 0x00, 0x60, 0x01, 0x00, 0x00, 0x5c, 0x03, 0x03, .. new byte[32], 0x00, 0x00, 0x02, 0x13, 0x01, 0x01, 0x00,
            0x00, 0x1b, 0x00, 0x00, 0x00, 0x17, 0x00, 0x15, 0x00, 0x00, 0x12, .. "api.vendor.example"u8.ToArray(),
        ];
        return [
            Exec(3779, "/usr/bin/python3", ["/usr/bin/python3", "spy.py"], ["PATH=/usr/bin", "HTTPS_PROXY=http://proxy.corp:3128", "OPENAI_API_KEY=sk-1", "LANG=C.UTF-8", "HOME=/root"]),
            $"3779  openat({cwd}, {H("/usr/lib/python3.11/os.py")}, O_RDONLY|O_CLOEXEC) = {Fd(3, "/usr/lib/python3.11/os.py")}",
            $"3779  openat({cwd}, {H("/etc/localtime")}, O_RDONLY|O_CLOEXEC) = {Fd(3, "/usr/share/zoneinfo/Etc/UTC")}",
            $"3779  openat({cwd}, {H("/etc/timezone")}, O_RDONLY|O_CLOEXEC) = {Fd(3, "/etc/timezone")}",
            $"3779  openat({cwd}, {H("/etc/hostname")}, O_RDONLY|O_CLOEXEC) = {Fd(3, "/etc/hostname")}",
            $"3779  newfstatat({cwd}, {H("/root/.ssh/id_ed25519")}, 0x7ffd5f2b7d40, 0) = -1 ENOENT (No such file or directory)",
            $"3779  openat({cwd}, {H("/etc/resolv.conf")}, O_RDONLY|O_CLOEXEC) = {Fd(3, "/etc/resolv.conf")}",
            $"3779  connect(3<UNIX-STREAM:[1499030]>, {{sa_family=AF_UNIX, sun_path={H("/var/run/nscd/socket")}}}, 110) = -1 ENOENT (No such file or directory)",
            $"3779  connect(3<UDP:[1499037]>, {{sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr({H("10.255.255.53")})}}, 16) = 0",
            $"3779  sendmmsg(3<UDP:[10.255.255.53:43044->10.255.255.53:53]>, [{{msg_hdr={{msg_name=NULL, msg_namelen=0, msg_iov=[{{iov_base={H(DnsQuery("telemetry.vendor.example"))}, iov_len=42}}], msg_iovlen=1, msg_controllen=0, msg_flags=0}}, msg_len=42}}], 1, MSG_NOSIGNAL) = 1",
            $"3779  recvfrom(3<UDP:[10.255.255.53:43044->10.255.255.53:53]>, {H(DnsAnswer("telemetry.vendor.example", [203, 0, 113, 9]))}, 2048, 0, {{sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr({H("10.255.255.53")})}}, [28 => 16]) = 58",
            $"3779  sendto(3<UDP:[1499043]>, {H(DnsQuery("rum.vendor.example"))}, 36, 0, {{sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr({H("203.0.113.53")})}}, 16) = 36",
            $"3779  connect(3<TCP:[1499045]>, {{sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr({H("203.0.113.7")})}}, 16) = -1 ECONNREFUSED (Connection refused)",
            $"3779  connect(4<TCP:[1499046]>, {{sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr({H("203.0.113.9")})}}, 16) = -1 ECONNREFUSED (Connection refused)",
            $"3779  connect(3<UNIX-STREAM:[1499047]>, {{sa_family=AF_UNIX, sun_path={H("/run/dbus/system_bus_socket")}}}, 29) = -1 ENOENT (No such file or directory)",
            $"3779  connect(3<TCP:[1499049]>, {{sa_family=AF_INET, sin_port=htons(45051), sin_addr=inet_addr({H("127.0.0.1")})}}, 16) = -1 EINPROGRESS (Operation now in progress)",
            $"3779  write(3<TCP:[127.0.0.1:41234->127.0.0.1:45051]>, {H(hello)}, {hello.Length}) = {hello.Length}",
            $"3779  connect(3<TCP:[1499053]>, {{sa_family=AF_INET, sin_port=htons(56993), sin_addr=inet_addr({H("127.0.0.1")})}}, 16) = -1 EINPROGRESS (Operation now in progress)",
            $"3779  sendto(3<TCP:[127.0.0.1:45586->127.0.0.1:56993]>, {H(body)}, {body.Length}, 0, NULL, 0) = {body.Length}",
            $"3779  openat({cwd}, {H("notes.md")}, O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0666) = {Fd(3, Workspace + "/notes.md")}",
            Exec(3782, "/root/.cargo/bin/uname", ["uname", "-a"], ["PATH=/usr/bin"], "-1 ENOENT (No such file or directory)"),
            "3782  execve(" + H("/usr/bin/uname") + ", [" + H("uname") + ", " + H("-a") + "], [" + H("PATH=/usr/bin") + "] <unfinished ...>",
            "3779  write(1<" + H("/dev/pts/0")[1..^1] + ">, \"\\x68\\x69\\x0a\", 3) = 3",
            "3782  <... execve resumed>)             = 0", // strace pads results of resumed calls
            "3782  +++ exited with 0 +++",
        ];
    }
}
