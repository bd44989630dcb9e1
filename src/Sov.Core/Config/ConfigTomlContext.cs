using Tomlyn.Model;
using Tomlyn.Serialization;

namespace Sov.Core.Config;

/// <summary>Source-generated TOML metadata (Native AOT): config files are read as untyped tables.</summary>
[TomlSerializable(typeof(TomlTable))]
internal sealed partial class ConfigTomlContext : TomlSerializerContext;
