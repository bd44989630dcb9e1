#!/usr/bin/env python3
"""Generates src/Sov.Core/Text/Generated/UnicodeTables.g.cs from the UCD files of Debian's
`unicode-data` package (/usr/share/unicode) and confusable skeletons from libicu's uspoof.

Usage: tools/unicode-tables/generate.py [UCD_DIR] [OUT_FILE]
Deterministic: same inputs, same output. Needs only python3 and libicu (ctypes)."""
import ctypes, glob, os, re, sys

ucd = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.path.dirname(__file__), "../../src/Sov.Core/Text/Generated/UnicodeTables.g.cs")
MAX = 0x110000

def ranges(path, wanted=None):
    """Yields (start, end, value) from a UCD property file."""
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        fields = [f.strip() for f in line.split(";")]
        cps = fields[0].split("..")
        lo = int(cps[0], 16); hi = int(cps[-1], 16)
        value = fields[1] if len(fields) > 1 else ""
        if wanted is None or value in wanted:
            yield lo, hi, value

def version():
    m = re.search(r"Version (\d+\.\d+\.\d+)", open(os.path.join(ucd, "DerivedAge.txt"), encoding="utf-8").readline())
    if m:
        return m.group(1)
    return re.search(r"(\d+\.\d+\.\d+)", open(os.path.join(ucd, "ReadMe.txt"), encoding="utf-8").read()).group(1)

# --- per-code-point flags ---------------------------------------------------------------
ID_CONTINUE, ASSIGNED, DEFAULT_IGNORABLE, WHITE_SPACE, EXT_PICT, EMOJI, VS_BASE, CONFUSABLE = (1 << i for i in range(8))
flags = bytearray(MAX)
def mark(path, prop, bit):
    for lo, hi, _ in ranges(path, {prop}):
        for c in range(lo, hi + 1):
            flags[c] |= bit

dcp = os.path.join(ucd, "DerivedCoreProperties.txt")
mark(dcp, "XID_Continue", ID_CONTINUE)
mark(dcp, "Default_Ignorable_Code_Point", DEFAULT_IGNORABLE)
mark(os.path.join(ucd, "PropList.txt"), "White_Space", WHITE_SPACE)
emoji_data = os.path.join(ucd, "emoji", "emoji-data.txt")
mark(emoji_data, "Extended_Pictographic", EXT_PICT)
mark(emoji_data, "Emoji", EMOJI)
for lo, hi, _ in ranges(os.path.join(ucd, "DerivedAge.txt")):
    for c in range(lo, hi + 1):
        flags[c] |= ASSIGNED

# --- variation sequences (base, selector) ---------------------------------------------------
pairs = set()
for path in (os.path.join(ucd, "StandardizedVariants.txt"), os.path.join(ucd, "emoji", "emoji-variation-sequences.txt")):
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        seq = line.split(";")[0].split()
        if len(seq) == 2:
            base, vs = int(seq[0], 16), int(seq[1], 16)
            pairs.add((base, vs))
            flags[base] |= VS_BASE
pairs = sorted(pairs)

# --- scripts --------------------------------------------------------------------------
script_names = ["Unknown"]
script = [0] * MAX
for lo, hi, name in ranges(os.path.join(ucd, "Scripts.txt")):
    if name not in script_names:
        script_names.append(name)
    idx = script_names.index(name)
    for c in range(lo, hi + 1):
        script[c] = idx

# --- confusable skeletons from ICU (uspoof_getSkeleton on each assigned code point) ------------
def load_icu():
    for path in sorted(glob.glob("/usr/lib/*/libicui18n.so.*")) + sorted(glob.glob("/usr/lib/libicui18n.so.*")):
        m = re.search(r"libicui18n\.so\.(\d+)$", path)
        if m:
            return ctypes.CDLL(path), m.group(1)
    sys.exit("libicu (libicui18n.so.N) not found: apt-get install libicu72")
icu, icu_major = load_icu()
err = ctypes.c_int(0)
uspoof_open = getattr(icu, f"uspoof_open_{icu_major}"); uspoof_open.restype = ctypes.c_void_p
checker = uspoof_open(ctypes.byref(err))
get_skeleton = getattr(icu, f"uspoof_getSkeleton_{icu_major}")
get_skeleton.argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.POINTER(ctypes.c_uint16), ctypes.c_int32,
                         ctypes.POINTER(ctypes.c_uint16), ctypes.c_int32, ctypes.POINTER(ctypes.c_int)]
get_skeleton.restype = ctypes.c_int32
def utf16(c):
    if c < 0x10000:
        return [c]
    c -= 0x10000
    return [0xD800 + (c >> 10), 0xDC00 + (c & 0x3FF)]
def from_utf16(units):
    out, i = [], 0
    while i < len(units):
        u = units[i]
        if 0xD800 <= u < 0xDC00 and i + 1 < len(units):
            out.append(0x10000 + ((u - 0xD800) << 10) + (units[i + 1] - 0xDC00)); i += 2
        else:
            out.append(u); i += 1
    return out
skeletons = {}
outbuf = (ctypes.c_uint16 * 64)()
for c in range(MAX):
    if not (flags[c] & ASSIGNED) or 0xD800 <= c <= 0xDFFF or script_names[script[c]] in ("Han", "Hangul", "Tangut") and c > 0x3400:
        continue
    src = utf16(c)
    inbuf = (ctypes.c_uint16 * len(src))(*src)
    err.value = 0
    n = get_skeleton(checker, 0, inbuf, len(src), outbuf, 64, ctypes.byref(err))
    if err.value > 0 or n <= 0:
        continue
    sk = from_utf16(list(outbuf[:n]))
    if sk != [c]:
        skeletons[c] = sk
        flags[c] |= CONFUSABLE

# --- emit ------------------------------------------------------------------------------
def runs(values):
    prev = None
    for c in range(MAX):
        if values[c] != prev:
            yield c, values[c]; prev = values[c]

def emit_uints(name, items, per_line=10, doc=""):
    s = f"    /// <summary>{doc}</summary>\n    internal static ReadOnlySpan<uint> {name} =>\n    [\n"
    for i in range(0, len(items), per_line):
        s += "        " + ", ".join(f"0x{v:08X}" for v in items[i:i + per_line]) + ",\n"
    return s + "    ];\n\n"
def emit_ulongs(name, items, per_line=6, doc=""):
    s = f"    /// <summary>{doc}</summary>\n    internal static ReadOnlySpan<ulong> {name} =>\n    [\n"
    for i in range(0, len(items), per_line):
        s += "        " + ", ".join(f"0x{v:016X}UL" for v in items[i:i + per_line]) + ",\n"
    return s + "    ];\n\n"

flag_runs = [(c << 8) | v for c, v in runs(flags)]
script_runs = [(c << 8) | v for c, v in runs(script)]
assert len(script_names) < 256
skel_keys = sorted(skeletons)
skel_data, skel_index = [], []
for c in skel_keys:
    sk = skeletons[c]
    assert len(sk) < 256 and len(skel_data) < (1 << 24)
    skel_index.append((c << 32) | (len(skel_data) << 8) | len(sk))
    skel_data.extend(sk)
vs_pairs = [(b << 32) | v for b, v in pairs]

ver = version()
code = f"""// <auto-generated>
// Generated by tools/unicode-tables/generate.py from the Unicode Character Database {ver}
// (Debian unicode-data: DerivedCoreProperties.txt, PropList.txt, DerivedAge.txt, Scripts.txt,
// StandardizedVariants.txt, emoji/emoji-data.txt, emoji/emoji-variation-sequences.txt) and confusable
// skeletons from ICU {icu_major} uspoof_getSkeleton. Do not edit by hand: re-run the generator.
// </auto-generated>
namespace Sov.Core.Text.Generated;

/// <summary>Unicode data tables, generated from the UCD; read through <see cref="Sov.Core.Text.UnicodeData"/>.</summary>
internal static class UnicodeTables
{{
    /// <summary>The UCD version the tables were generated from.</summary>
    internal const string UnicodeVersion = "{ver}";

    /// <summary>The ICU major version whose uspoof skeletons fill <see cref="SkeletonIndex"/>.</summary>
    internal const string IcuVersion = "{icu_major}";

    /// <summary>Script names; index 0 is Unknown.</summary>
    internal static readonly string[] ScriptNames =
    [
{chr(10).join('        "' + n + '",' for n in script_names)}
    ];

"""
code += emit_uints("FlagRuns", flag_runs, doc="Runs of per-code-point flags: (first code point &lt;&lt; 8) | flags, sorted.")
code += emit_uints("ScriptRuns", script_runs, doc="Runs of scripts: (first code point &lt;&lt; 8) | index into ScriptNames, sorted.")
code += emit_ulongs("VariationSequences", vs_pairs, doc="Registered variation sequences: (base &lt;&lt; 32) | selector, sorted.")
code += emit_ulongs("SkeletonIndex", skel_index, doc="Confusables: (code point &lt;&lt; 32) | (offset &lt;&lt; 8) | length into SkeletonData, sorted.")
code += emit_uints("SkeletonData", skel_data, per_line=12, doc="Skeleton code points, addressed by SkeletonIndex.")
code += "}\n"
os.makedirs(os.path.dirname(out), exist_ok=True)
open(out, "w", encoding="utf-8").write(code)
print(f"Unicode {ver}, ICU {icu_major}: {len(flag_runs)} flag runs, {len(script_runs)} script runs, "
      f"{len(vs_pairs)} variation sequences, {len(skel_keys)} skeletons -> {os.path.relpath(out)}")
