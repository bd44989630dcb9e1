using Sov.Borders.Environment;
using Sov.Borders.Policy;
using Sov.Cli;

return await SovApp.RunAsync(args, new CliContext(new AllowedEnvironment(), Console.Out, Console.Error) { Input = Console.IsInputRedirected ? Console.In : null, PolicySource = PolicyFile.ReadBuiltIn }).ConfigureAwait(false);
