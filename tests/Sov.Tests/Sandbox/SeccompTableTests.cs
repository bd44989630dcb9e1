using Sov.Borders.Sandbox.Seccomp;

namespace Sov.Tests.Sandbox;

/// <summary>The filter's system-call numbers against the kernel headers (when installed), and its shape.</summary>
public sealed class SeccompTableTests
{
    [Theory]
    [InlineData("x64", "/usr/include/x86_64-linux-gnu/asm/unistd_64.h")]
    [InlineData("arm64", "/usr/include/asm-generic/unistd.h")]
    public void NumbersMatchTheKernelHeaders(string arch, string header)
    {
        if (!File.Exists(header))
        {
            Assert.Skip($"{header} is not installed (linux-libc-dev).");
        }

        var table = arch == "x64" ? SeccompSyscalls.X64 : SeccompSyscalls.Arm64;
        var defined = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(header))
        {
            var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 3 && parts[0] == "#define" && uint.TryParse(parts[2], out var nr))
            {
                defined[parts[1].Replace("__NR3264_", "", StringComparison.Ordinal).Replace("__NR_", "", StringComparison.Ordinal)] = nr;
            }
        }

        foreach (var (name, nr) in table.RefusedByName.Append(new("clone", table.CloneNr)).Append(new("clone3", table.Clone3Nr)).Append(new("ioctl", table.IoctlNr)))
        {
            if (defined.TryGetValue(name, out var expected))
            {
                Assert.True(expected == nr, $"{arch} {name}: {nr}, the header says {expected}");
            }
        }
    }

    [Fact]
    public void TheProgramIsWellFormed()
    {
        var program = SeccompFilter.Build(SeccompSyscalls.X64);
        Assert.Equal(0, program.Length % 8);
        Assert.InRange(program.Length / 8, 40, 4096); // BPF_MAXINSNS
        for (var i = 0; i < program.Length; i += 8)
        {
            var isJump = (program[i] & 7) == 5; // BPF_JMP
            var furthest = (i / 8) + 1 + Math.Max(program[i + 2], program[i + 3]);
            Assert.True(!isJump || furthest < program.Length / 8, $"instruction {i / 8} jumps past the end");
            Assert.True(isJump || (program[i] & 7) is 0 or 6, $"instruction {i / 8} is neither a load, a jump nor a return");
        }
    }
}
