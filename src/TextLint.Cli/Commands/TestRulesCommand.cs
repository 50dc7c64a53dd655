using System.CommandLine;
using TextLint.Cli.Infrastructure;
using TextLint.Engine;
using TextLint.Rules.BuiltIn;
using TextLint.Testing;

namespace TextLint.Cli.Commands;

/// <summary><c>dotnet textlint test-rules [pack...]</c>: every rule's examples are its tests.</summary>
public static class TestRulesCommand
{
    public static readonly Argument<string[]> PacksArgument = new("pack") { Arity = ArgumentArity.ZeroOrMore, DefaultValueFactory = _ => [], Description = "Rule pack folders or files (default: the bundled pack)." };

    public static readonly CliCommand Definition = new("test-rules", "Run every rule's examples (the bundled pack by default).", () => Description, Epilogue, Run,
        [CliSyntax.Flag("--no-default-rules", "Test only the packs given (the default when packs are given)."), CliSyntax.HelpOption()], PacksArgument);

    public const string Description = """
        Runs every rule's examples: each [|...|] of a 'bad' example must be reported exactly there by that
        rule and nothing else by it; 'good' examples must produce nothing from that rule. With no pack,
        tests the bundled pack.
        """;

    public const string Epilogue = """
        Exit codes: 0 all examples pass, 1 an example fails, 2 a pack fails to load.

        Example:
          dotnet textlint test-rules house-style/
        """;

    public static int Run(ParseResult parsed, CliContext ctx)
    {
        var positionals = parsed.GetValue(PacksArgument) ?? [];
        bool bundled = positionals.Length == 0;
        var packs = RulePacks.Load(bundled, positionals, ctx.WorkingDirectory);
        if (!packs.Success)
        {
            foreach (var e in packs.Errors) ctx.Error.WriteLine(e.ToString());
            ctx.Fail($"{packs.Errors.Length} {(packs.Errors.Length == 1 ? "error" : "errors")} in rule packs.");
            return ExitCodes.Failure;
        }
        // Built-in rules' examples suppress bundled rules: they are tested with the bundled pack only.
        var rules = RuleSet.Compile(packs.Rules.Where(r => bundled || r is not BuiltInRule));
        var failures = RuleExampleRunner.Run(rules);
        int examples = rules.Rules.Sum(r => r.Descriptor.Examples.Length);
        foreach (var f in failures)
        {
            var d = f.Rule;
            ctx.Out.WriteLine($"{d.SourcePath}({f.Example.Position.Line},{f.Example.Position.Column}): error {d.Id}: {f.Reason}");
            if (f.Expected.Length > 0 || f.Actual.Length > 0)
            {
                ctx.Out.WriteLine($"    expected: {f.Expected}");
                ctx.Out.WriteLine($"    actual:   {f.Actual}");
            }
        }
        ctx.Out.WriteLine($"{rules.Rules.Length} rules, {examples} examples: {(failures.IsEmpty ? "all passed" : $"{failures.Length} failed")}.");
        return failures.IsEmpty ? ExitCodes.Success : ExitCodes.Findings;
    }
}
