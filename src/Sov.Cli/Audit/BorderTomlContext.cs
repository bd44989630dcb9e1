using Tomlyn.Model;
using Tomlyn.Serialization;

namespace Sov.Cli.Audit;

/// <summary>Source-generated TOML metadata (Native AOT): config.toml read as an untyped table.</summary>
[TomlSerializable(typeof(TomlTable))]
internal sealed partial class BorderTomlContext : TomlSerializerContext;
