using Sov.Borders.Environment;
using Sov.Cli;

return await SovApp.RunAsync(args, new CliContext(new AllowedEnvironment(), Console.Out, Console.Error)).ConfigureAwait(false);
