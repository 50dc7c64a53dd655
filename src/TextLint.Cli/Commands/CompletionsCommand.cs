using System.CommandLine;
using TextLint.Cli.Infrastructure;

namespace TextLint.Cli.Commands;

/// <summary>
/// <c>dotnet textlint completions &lt;shell&gt;</c>: a script that makes the shell complete commands,
/// options and values by asking the tool itself (System.CommandLine's <c>[suggest:N]</c> directive), so
/// completions always match the installed version.
/// </summary>
public static class CompletionsCommand
{
    public static readonly string[] Shells = ["bash", "zsh", "pwsh"];

    public static readonly Argument<string> ShellArgument = new("shell") { HelpName = string.Join('|', Shells), Description = "The shell to print the script for." };

    public static readonly CliCommand Definition = new("completions", "Print a shell script that completes commands and options (bash, zsh, pwsh).", () => Description, Epilogue, Run,
        [CliSyntax.HelpOption()], ShellArgument)
    {
        MissingArgument = $"Name the shell: {string.Join(", ", Shells)}.",
        SurplusArgument = _ => "Name one shell.",
    };

    static CompletionsCommand() => ShellArgument.CompletionSources.Add(Shells);

    public const string Description = """
        Prints a script for your shell that completes TextLint's commands, options and option values,
        for both 'dotnet textlint' and 'dotnet-textlint'. The script asks the tool for completions with
        System.CommandLine's [suggest] directive, so they always match the installed version.
        """;

    public const string Epilogue = """
        Examples:
          dotnet textlint completions bash >> ~/.bashrc
          dotnet textlint completions zsh >> ~/.zshrc
          dotnet textlint completions pwsh >> $PROFILE
        """;

    public static int Run(ParseResult parsed, CliContext ctx)
    {
        string shell = parsed.GetValue(ShellArgument)!;
        string? script = shell switch
        {
            "bash" => Bash,
            "zsh" => Zsh,
            "pwsh" or "powershell" => PowerShell,
            _ => null,
        };
        if (script is null)
            return Definition.UsageError(ctx, $"Unknown shell '{shell}'; use {string.Join(", ", Shells[..^1])} or {Shells[^1]}.");
        ctx.Out.Write(script.ReplaceLineEndings("\n"));
        return ExitCodes.Success;
    }

    // Each script strips "dotnet " so the tool sees the line as "textlint ...", and leaves any other
    // 'dotnet' command to the completion that was there before (dotnet's own 'dotnet complete').
    /// <summary>The completion function and its registration, shared by bash and zsh (through bashcompinit).</summary>
    private const string BashBody = """
        _textlint_complete() {
          local line="$COMP_LINE" point=$COMP_POINT cur="${COMP_WORDS[COMP_CWORD]}"
          if [[ ${COMP_WORDS[0]} == dotnet ]]; then
            if [[ $COMP_CWORD -lt 2 || ${COMP_WORDS[1]} != textlint ]]; then
              COMPREPLY=( $(compgen -W "$(dotnet complete --position "$point" "$line" 2>/dev/null)" -- "$cur") )
              return
            fi
            line=${line#dotnet }; point=$((point - 7))
          fi
          local IFS=$'\n'
          COMPREPLY=( $(compgen -W "$(dotnet-textlint "[suggest:$point]" "$line" 2>/dev/null || dotnet textlint "[suggest:$point]" "$line" 2>/dev/null)" -- "$cur") )
        }
        complete -o default -F _textlint_complete dotnet-textlint
        complete -o default -F _textlint_complete dotnet

        """;

    public const string Bash = "# TextLint completions for bash ('dotnet textlint completions bash').\n" + BashBody;

    public const string Zsh = "# TextLint completions for zsh ('dotnet textlint completions zsh').\n"
        + "autoload -U bashcompinit && bashcompinit\n" + BashBody;

    public const string PowerShell = """
        # TextLint completions for PowerShell ('dotnet textlint completions pwsh').
        Register-ArgumentCompleter -Native -CommandName dotnet, dotnet-textlint -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $line = $commandAst.ToString()
            $point = $cursorPosition - $commandAst.Extent.StartOffset
            if ($commandAst.CommandElements[0].Value -eq 'dotnet') {
                if ($commandAst.CommandElements.Count -lt 2 -or $commandAst.CommandElements[1].Value -ne 'textlint') {
                    dotnet complete --position $cursorPosition "$commandAst" | ForEach-Object {
                        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                    }
                    return
                }
                $line = $line.Substring(7); $point -= 7
            }
            dotnet textlint "[suggest:$point]" "$line" | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }

        """;
}
