using TextLint.Cli;
using TextLint.Cli.Infrastructure;

return CliApp.Run(args, CliContext.FromProcess());
