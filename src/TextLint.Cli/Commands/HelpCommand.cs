using TextLint.Cli.Infrastructure;

namespace TextLint.Cli.Commands;

/// <summary><c>dotnet textlint help [&lt;command&gt;]</c>: the overview, or one command's help (the same as its --help).</summary>
public static class HelpCommand
{
    public const string Usage = "usage: dotnet textlint help [<command>]";

    public static string Help => $"""
        Shows the overview of commands and lint options, or the help of one command.

        {Usage}

        Examples:
          dotnet textlint help
          dotnet textlint help rules show
        """;

    public static int Run(IReadOnlyList<string> args, CliContext ctx)
    {
        if (args.Count == 0)
        {
            ctx.Out.WriteLine(LintCommand.Help);
            return ExitCodes.Success;
        }
        if (args is ["--help" or "-h"])
        {
            ctx.Out.WriteLine(Help);
            return ExitCodes.Success;
        }
        var command = CliApp.Find(args);
        if (command is null || command.Name.Split(' ').Length != args.Count)
        {
            string asked = string.Join(' ', args);
            string? meant = ArgParser.Closest(asked, CliApp.Commands.Select(c => c.Name), 3);
            return ctx.UsageError($"No command '{asked}'.{(meant is null ? "" : $" Did you mean '{meant}'?")}", Usage, "dotnet textlint help");
        }
        ctx.Out.WriteLine(command.Help());
        return ExitCodes.Success;
    }
}
