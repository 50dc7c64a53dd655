using TextLint.Cli.Commands;
using TextLint.Cli.Infrastructure;

namespace TextLint.Cli;

/// <summary>Dispatches to a command. A first argument that names a command selects it; anything else lints.</summary>
public static class CliApp
{
    public static int Run(IReadOnlyList<string> args, CliContext ctx)
    {
        try
        {
            if (args.Count > 0)
            {
                switch (args[0])
                {
                    case "test-rules": return TestRulesCommand.Run(args.Skip(1).ToList(), ctx);
                    case "init": return InitCommand.Run(args.Skip(1).ToList(), ctx);
                }
            }
            return LintCommand.Run(args, ctx);
        }
        catch (OperationCanceledException)
        {
            ctx.Fail("Cancelled.");
            return 130;
        }
        catch (Exception ex)
        {
            // Last line of defence: never a stack trace for a user; the details go to stderr in one line.
            ctx.Fail($"internal error: {ex.GetType().Name}: {ex.Message} Please report this at {ToolInfo.InformationUri}/issues.");
            return ExitCodes.Failure;
        }
    }
}
