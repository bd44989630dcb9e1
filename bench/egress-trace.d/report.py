"""Reads an `strace -f -yy -xx` log: DNS lookups (names asked), connections, bytes sent per destination."""
import json, os, re, sys
from collections import defaultdict

label, status, port, log, requests = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
head = re.compile(r"^(?:\[pid\s+)?(\d+)\]?\s+(\w+)\((.*)\)\s+=\s+(-?\d+)")
sock = re.compile(r"<(TCP|UDP|TCPv6|UDPv6):\[(.+?)->(.+?)\]>")
inet4 = re.compile(r'sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)')
inet6 = re.compile(r'sin6_port=htons\((\d+)\).*?inet_pton\(AF_INET6, "([^"]+)"')
unix = re.compile(r'sa_family=AF_UNIX, sun_path=(@?"[^"]*")')
hexstr = re.compile(r'"((?:\\x[0-9a-f]{2})+)"')
resolver_files = ("/etc/resolv.conf", "/etc/hosts", "/etc/nsswitch.conf", "/etc/gai.conf")


def norm(addr):
    addr = addr.strip("[]")
    return addr[7:] if addr.startswith("::ffff:") and "." in addr else addr


def qname(data):
    if len(data) < 13:
        return None
    i, labels = 12, []
    while i < len(data) and data[i] != 0 and len(labels) < 64:
        n = data[i]
        labels.append(data[i + 1:i + 1 + n].decode("ascii", "replace"))
        i += 1 + n
    return ".".join(labels) or None


def printable(m):
    b = bytes(int(x, 16) for x in m.group(1).split("\\x")[1:])
    return '"' + b.decode() + '"' if all(32 <= c < 127 for c in b) else m.group(0)


connects, sent, names, resolver_reads, unix_sockets = set(), defaultdict(int), set(), set(), set()
with open(log, errors="replace") as f:
    for line in f:
        m = head.match(line)
        if not m:
            continue
        call, raw, result = m.group(2), m.group(3), int(m.group(4))
        args = hexstr.sub(printable, raw)  # -xx hex-escapes every string; paths and addresses read better decoded
        if call == "openat":
            for p in resolver_files:
                if f'"{p}"' in args:
                    resolver_reads.add(p)
            continue
        if call == "connect":
            a = inet4.search(args) or inet6.search(args)
            if a:
                connects.add(f"{norm(a.group(2))}:{a.group(1)}")
            u = unix.search(args)
            if u:
                unix_sockets.add(u.group(1))
            continue
        s = sock.search(args)
        dest = None
        if s:
            host, _, p = s.group(3).rpartition(":")
            dest = f"{norm(host)}:{p}"
        a = inet4.search(args) or inet6.search(args)
        if a:
            dest = f"{norm(a.group(2))}:{a.group(1)}"
        if dest is None:
            continue
        if result > 0:
            sent[dest] += result
        if dest.endswith(":53"):
            for h in hexstr.findall(raw):
                n = qname(bytes(int(x, 16) for x in h.split("\\x")[1:]))
                if n:
                    names.add(n)

reqs = [json.loads(l) for l in open(requests)] if os.path.exists(requests) else []
model = f"127.0.0.1:{port}"
others = sorted(d for d in set(connects) | set(sent) if d != model)
lookups = sorted(names)
print(f"### {label}\n")
print("| measure | value |\n|---|---|")
print(f"| exit status | {status} |")
print(f"| requests the recording model received | {len(reqs)} ({sum(r['bytes'] for r in reqs)} body bytes; first {reqs[0]['bytes'] if reqs else 0} bytes) |")
print(f"| bytes sent to the model endpoint (TCP payload) | {sent.get(model, 0)} |")
print(f"| DNS lookups | {len(lookups)}{': ' + ', '.join(lookups) if lookups else ''} |")
print(f"| resolver files read | {', '.join(sorted(resolver_reads)) or 'none'} |")
print(f"| lookup daemon sockets | {', '.join(sorted(s for s in unix_sockets if 'nscd' in s or 'resolve' in s)) or 'none'} |")
print(f"| other destinations contacted | {', '.join(f'{d} ({sent.get(d, 0)} B)' for d in others) or 'none'} |")
