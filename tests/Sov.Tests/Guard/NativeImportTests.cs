using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Sov.Tests.Guard;

/// <summary>
/// Native code is a border too: only Sov.Borders may declare a native import (DllImport, or LibraryImport,
/// whose generated code is a DllImport), or call through an unmanaged function pointer. Read from the built
/// assemblies' metadata: a method with the PInvokeImpl attribute, or a <c>calli</c> through an unmanaged
/// signature. (Issue #14: a libc <c>connect()</c> in Sov.Core would have passed the reference guard unseen.)
/// </summary>
public sealed class NativeImportTests
{
    public static TheoryData<string> OursButBorders => new(["sov.dll", "Sov.Core.dll"]);

    [Theory]
    [MemberData(nameof(OursButBorders))]
    public void NoAssemblyButBordersDeclaresNativeCode(string assembly)
    {
        var hits = NativeImports(Path.Combine(AppContext.BaseDirectory, assembly));
        Assert.True(hits.Count == 0, $"{assembly} declares native code; move it to Sov.Borders behind an interface:\n{string.Join('\n', hits)}");
    }

    [Fact]
    public void TheGuardSeesBordersOwnImports()
    {
        // Positive control: Sov.Borders does call libc, so the scan must find it there.
        var hits = NativeImports(Path.Combine(AppContext.BaseDirectory, "Sov.Borders.dll"));
        Assert.Contains(hits, h => h.Contains("libc!flock", StringComparison.Ordinal));
        Assert.Contains(hits, h => h.Contains("libc!tcflush", StringComparison.Ordinal));
    }

    [Fact]
    public void AnImportPlantedInAnAssemblyFailsTheGuard()
    {
        // The test assembly itself declares one (below): the same scan must report it.
        var hits = NativeImports(typeof(NativeImportTests).Assembly.Location);
        Assert.Contains(hits, h => h.Contains("libc!getpid", StringComparison.Ordinal));
    }

    internal static List<string> NativeImports(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var hits = new List<string>();
        foreach (var handle in md.MethodDefinitions)
        {
            var method = md.GetMethodDefinition(handle);
            var owner = md.GetTypeDefinition(method.GetDeclaringType());
            var name = $"{md.GetString(owner.Namespace)}.{md.GetString(owner.Name)}::{md.GetString(method.Name)}";
            if ((method.Attributes & MethodAttributes.PinvokeImpl) != 0)
            {
                var import = method.GetImport();
                var module = md.GetString(md.GetModuleReference(import.Module).Name);
                hits.Add($"{name} imports {module}!{md.GetString(import.Name)}");
            }
            else if (method.RelativeVirtualAddress != 0 && CallsUnmanagedPointer(pe, md, method))
            {
                hits.Add($"{name} calls through an unmanaged function pointer");
            }
        }

        return hits;
    }

    /// <summary>True when the method body holds a <c>calli</c> whose signature has an unmanaged calling convention.</summary>
    private static bool CallsUnmanagedPointer(PEReader pe, MetadataReader md, MethodDefinition method)
    {
        var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
        while (il.RemainingBytes > 0)
        {
            int code = il.ReadByte();
            if (code == 0xFE)
            {
                code = 0xFE00 | il.ReadByte();
            }

            if (code == 0x29) // calli
            {
                var signature = md.GetBlobReader(md.GetStandaloneSignature((StandaloneSignatureHandle)MetadataTokens.Handle(il.ReadInt32())).Signature);
                var header = signature.ReadSignatureHeader();
                if (header.CallingConvention is not (SignatureCallingConvention.Default or SignatureCallingConvention.VarArgs))
                {
                    return true;
                }

                continue;
            }

            SkipOperand(ref il, code);
        }

        return false;
    }

    private static void SkipOperand(ref BlobReader il, int code)
    {
        var size = code switch
        {
            0x45 => 4 + (4 * il.ReadInt32()), // switch: count, then that many targets (count already read)
            >= 0x2B and <= 0x37 or 0x0E or 0x0F or 0x10 or 0x11 or 0x12 or 0x13 or 0x1F or 0xDE => 1, // short branches, short var/arg, ldc.i4.s, leave.s
            0x20 or 0x22 or (>= 0x38 and <= 0x44) or 0xDD => 4, // ldc.i4, ldc.r4, long branches, leave
            0x21 or 0x23 => 8, // ldc.i8, ldc.r8
            0x27 or 0x28 or 0x6F or 0x70 or 0x71 or 0x72 or 0x73 or 0x74 or 0x75 or 0x79 or 0x7B or 0x7C or 0x7D or 0x7E or 0x7F or 0x80
                or 0x81 or 0x8C or 0x8D or 0x8F or 0xA3 or 0xA4 or 0xA5 or 0xC2 or 0xC6 or 0xD0 or 0xFE06 or 0xFE07 or 0xFE15 or 0xFE16 or 0xFE1C => 4, // tokens
            0xFE09 or 0xFE0A or 0xFE0B or 0xFE0C or 0xFE0D or 0xFE0E => 2, // ldarg, ldarga, starg, ldloc, ldloca, stloc
            0xFE12 or 0xFE19 => 1, // unaligned., no.
            _ => 0,
        };
        if (code == 0x45)
        {
            il.Offset += size - 4;
            return;
        }

        il.Offset += size;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getpid")]
    [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
    private static extern int PlantedImport();
}
