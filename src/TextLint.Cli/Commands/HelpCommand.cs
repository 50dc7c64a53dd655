using System.CommandLine;
using System.Text;
using TextLint.Cli.Infrastructure;

namespace TextLint.Cli.Commands;

/// <summary><c>dotnet textlint help [&lt;command&gt;]</c>: the overview, or one command's help (the same as its --help).</summary>
public static class HelpCommand
{
    public static readonly Argument<string[]> CommandArgument = new("command") { Arity = ArgumentArity.ZeroOrMore, DefaultValueFactory = _ => [], Description = "The command, e.g. rules show." };

    public static readonly CliCommand Definition = new("help", "Show the help of a command.", () => Description, Epilogue, Run,
        [CliSyntax.HelpOption()], CommandArgument);

    public const string Description = "Shows the overview of commands and lint options, or the help of one command.";

    public const string Epilogue = """
        Examples:
          dotnet textlint help
          dotnet textlint help rules show
        """;

    public static int Run(ParseResult parsed, CliContext ctx)
    {
        var words = parsed.GetValue(CommandArgument) ?? [];
        if (words.Length == 0)
        {
            ctx.Out.WriteLine(Render(CliApp.Lint));
            return ExitCodes.Success;
        }
        var command = CliApp.Find(words);
        if (command is null || command.Name.Split(' ').Length != words.Length)
        {
            string asked = string.Join(' ', words);
            string? meant = CliSyntax.Closest(asked, CliApp.Commands.Select(c => c.Name), 3);
            return Definition.UsageError(ctx, $"No command '{asked}'.{(meant is null ? "" : $" Did you mean '{meant}'?")}");
        }
        ctx.Out.WriteLine(Render(command));
        return ExitCodes.Success;
    }

    /// <summary>
    /// A command's help: its description, then the usage line and the options table generated from the
    /// options the parser accepts, the list of commands (for the overview), then exit codes and examples.
    /// </summary>
    public static string Render(CliCommand command)
    {
        string nl = Environment.NewLine;
        var sb = new StringBuilder();
        sb.Append(command.Description().TrimEnd()).Append(nl).Append(nl);
        sb.Append(command.Usage).Append(nl);
        var arguments = command.Syntax.Arguments.Where(a => !a.Hidden && a.Description is not null).ToList();
        if (arguments.Count > 0)
            sb.Append(nl).Append("Arguments:").Append(nl)
              .Append(CliSyntax.Table(arguments.Select(a => (CliSyntax.ArgumentLabel(a), a.Description!)).ToList())).Append(nl);
        sb.Append(nl).Append("Options:").Append(nl).Append(CliSyntax.OptionsTable(command.Syntax)).Append(nl);
        if (command == CliApp.Lint)
            sb.Append(nl).Append("Commands ('dotnet textlint <command> --help' for each):").Append(nl).Append(CliApp.FormatCommandList()).Append(nl);
        sb.Append(nl).Append(command.Epilogue.TrimEnd());
        return sb.ToString().ReplaceLineEndings();
    }
}
