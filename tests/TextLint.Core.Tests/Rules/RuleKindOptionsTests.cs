using TextLint.Diagnostics;
using TextLint.Loading;
using TextLint.Rules;

namespace TextLint.Core.Tests.Rules;

/// <summary>
/// A kind's documented options (RuleKind.Options) are what the docs, `rules show` and the catalogue
/// print; these tests keep them in step with the keys the kind's constructor actually reads.
/// </summary>
public class RuleKindOptionsTests
{
    public static TheoryData<string> KindNames() => new(RuleKinds.All.Select(k => k.Name));

    [Theory]
    [MemberData(nameof(KindNames))]
    public void EveryKeyAKindReads_IsDocumented(string name)
    {
        var kind = RuleKinds.Find(name)!;
        var errors = new List<ConfigurationDiagnostic>();
        var mapping = (YamlMapping)YamlReader.Read("k.yaml", "kind: " + name + "\n", errors).Single().Root;
        var def = new RuleDefinition("k.yaml", mapping, errors);
        var descriptor = new RuleDescriptor { Id = "XX0001", Title = "t", MessageFormat = "m", Category = "Style", DefaultSeverity = Severity.Warning, Kind = name };
        kind.Create(descriptor, def);
        var documented = kind.Options.Select(o => o.Key).ToHashSet();
        var undocumented = def.ReadKeys.Where(k => !documented.Contains(k)).Order().ToList();
        Assert.True(undocumented.Count == 0, $"Kind '{name}' reads keys its Options do not document: {string.Join(", ", undocumented)}.");
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void EveryKind_DocumentsItsOptions_OnceEach_WithADescription(string name)
    {
        var kind = RuleKinds.Find(name)!;
        Assert.NotEmpty(kind.Options);
        Assert.Equal(kind.Options.Length, kind.Options.Select(o => o.Key).Distinct().Count());
        Assert.All(kind.Options, o => Assert.EndsWith(".", o.Description));
        Assert.EndsWith(".", kind.Summary);
    }
}
