using TextLint.Configuration;
using TextLint.Diagnostics;
using TextLint.Rules;
using static TextLint.Core.Tests.Configuration.EditorConfigFileTests;

namespace TextLint.Core.Tests.Configuration;

/// <summary>The layers: textlint.yaml under .editorconfig (merged key by key), the command line over both, --warnaserror last.</summary>
public class SeverityResolverTests
{
    private static SeverityOptions Options(params (SeverityScope Scope, string Name, string Level)[] entries)
    {
        var o = new SeverityOptions();
        foreach (var (scope, name, level) in entries)
        {
            Assert.True(SeverityLevel.TryParse(level, out var parsed));
            o.Set(scope, name, parsed);
        }
        return o;
    }

    [Fact]
    public void NoConfiguration_GivesTheRulesDefault()
    {
        Assert.Equal(Severity.Warning, SeverityResolver.Resolve(Rule("TL1001"), SeverityOptions.Empty, SeverityOptions.Empty, false));
        Assert.Equal(Severity.None, SeverityResolver.Resolve(Rule("TL1005", enabled: false), SeverityOptions.Empty, SeverityOptions.Empty, false));
    }

    [Fact]
    public void CommandLine_BeatsFiles_AtEveryLevelOfSpecificity()
    {
        var files = Options((SeverityScope.Rule, "TL1001", "none"), (SeverityScope.Category, "Attribution", "error"));
        Assert.Equal(Severity.Error, SeverityResolver.Resolve(Rule("TL1001"), files, Options((SeverityScope.Rule, "TL1001", "error")), false));
        Assert.Equal(Severity.Info, SeverityResolver.Resolve(Rule("TL1001"), files, Options((SeverityScope.Category, "attribution", "suggestion")), false));
        Assert.Equal(Severity.None, SeverityResolver.Resolve(Rule("TL1002"), files, Options((SeverityScope.Category, "Attribution", "none")), false));
    }

    [Fact]
    public void WithinTheCommandLine_TheIdBeatsTheCategory()
    {
        var cli = Options((SeverityScope.Rule, "TL1001", "warning"), (SeverityScope.Category, "Attribution", "none"));
        Assert.Equal(Severity.Warning, SeverityResolver.Resolve(Rule("TL1001"), SeverityOptions.Empty, cli, false));
        Assert.Equal(Severity.None, SeverityResolver.Resolve(Rule("TL1002"), SeverityOptions.Empty, cli, false));
    }

    [Fact]
    public void CommandLineCategory_DoesNotTurnOnARuleOffByDefault()
    {
        var cli = Options((SeverityScope.Category, "Attribution", "error"));
        Assert.Equal(Severity.None, SeverityResolver.Resolve(Rule("TL1005", enabled: false), SeverityOptions.Empty, cli, false));
    }

    [Fact]
    public void WarnAsError_PromotesWarningsOnly_AfterEverythingElse()
    {
        var files = Options((SeverityScope.Rule, "TL1002", "suggestion"));
        Assert.Equal(Severity.Error, SeverityResolver.Resolve(Rule("TL1001"), files, SeverityOptions.Empty, true));
        Assert.Equal(Severity.Info, SeverityResolver.Resolve(Rule("TL1002"), files, SeverityOptions.Empty, true));
        Assert.Equal(Severity.Error, SeverityResolver.Resolve(Rule("TL1003"), SeverityOptions.Empty, Options((SeverityScope.Rule, "TL1003", "warning")), true));
    }

    [Fact]
    public void ProjectSettings_AreTheLowestFileLayer()
    {
        var project = new SeverityOptions();
        project.Set(SeverityScope.Rule, "TL1001", SeverityLevel.Explicit(Severity.Error));
        project.Set(SeverityScope.Rule, "TL1005", SeverityLevel.On);
        var editorConfig = EditorConfigFile.Parse("/p/.editorconfig", "/p", "[*.md]\ntextlint_diagnostic.TL1001.severity = none\n", new());
        var forMd = EditorConfigFile.Resolve([editorConfig], "/p/a.md", project);
        var forTxt = EditorConfigFile.Resolve([editorConfig], "/p/a.txt", project);
        Assert.Equal(Severity.None, SeverityResolver.Resolve(Rule("TL1001"), forMd, SeverityOptions.Empty, false));
        Assert.Equal(Severity.Error, SeverityResolver.Resolve(Rule("TL1001"), forTxt, SeverityOptions.Empty, false));
        // enabled: true turns on a rule that is off by default, at its own severity.
        Assert.Equal(Severity.Info, SeverityResolver.Resolve(Rule("TL1005", severity: Severity.Info, enabled: false), forTxt, SeverityOptions.Empty, false));
    }
}
