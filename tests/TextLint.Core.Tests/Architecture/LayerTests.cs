using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;
using TextLint.Text;

namespace TextLint.Core.Tests.Architecture;

/// <summary>
/// TextLint.Core in one direction: each layer (a folder and a namespace) may use the layers below it and
/// never one above. A new reference upwards, or a namespace outside every layer, fails here; the fix is
/// to move the type down or invert the dependency, not to reorder this list. See docs/architecture.md.
/// </summary>
public class LayerTests
{
    /// <summary>Bottom to top.</summary>
    public static readonly string[] Layers =
    [
        "TextLint.Text",          // source text, spans, lines, decoding
        "TextLint.Diagnostics",   // severities, fixes, configuration errors
        "TextLint.Yaml",          // the YAML tree with positions
        "TextLint.Matching",      // literal automaton, regex factory, required literals
        "TextLint.Documents",     // document model, formats, segmentation
        "TextLint.Rules",         // descriptor, context, findings, kinds, built-in rules
        "TextLint.Engine",        // rule set, engine, suppressions, baselines, fixes
        "TextLint.Configuration", // .editorconfig, textlint.yaml, severities
        "TextLint.Loading",       // rule pack loader
        "TextLint.Pipeline",      // the per-file pipeline: read, decode, lint, baseline, fix; the ordered parallel run
        "TextLint.Testing",       // rule examples run as tests
    ];

    /// <summary>Inside Rules: the rule contract, then the kinds and the built-in rules that implement it.</summary>
    public static readonly string[] RulesLayers = ["TextLint.Rules", "TextLint.Rules.Kinds", "TextLint.Rules.BuiltIn"];

    private static readonly Assembly Core = typeof(SourceText).Assembly;

    [Fact]
    public void EveryLayer_UsesOnlyTheLayersBelowIt() => AssertNone(Violations(Layers));

    [Fact]
    public void RuleContract_DoesNotKnowItsKinds() => AssertNone(Violations(RulesLayers, exact: true));

    [Fact]
    public void EveryNamespace_IsInALayer()
    {
        var outside = Core.GetTypes()
            .Where(t => t.Namespace is { } ns && ns.StartsWith("TextLint", StringComparison.Ordinal))
            .Where(t => !Layers.Any(l => InLayer(t.Namespace!, l)))
            .Select(t => t.FullName!).Order(StringComparer.Ordinal).ToList();
        AssertNone(outside);
    }

    [Fact]
    public void LayerCheck_CanFail()
    {
        // Text below Rules is the true order; swapped, Rules' use of Text must be reported.
        string[] swapped = ["TextLint.Rules", "TextLint.Text"];
        Assert.Contains(Violations(swapped), v => v.StartsWith("TextLint.Rules", StringComparison.Ordinal) && v.EndsWith("-> TextLint.Text", StringComparison.Ordinal));
    }

    private static void AssertNone(List<string> violations) =>
        Assert.True(violations.Count == 0, "Upward references (see docs/architecture.md):\n" + string.Join("\n", violations));

    private static bool InLayer(string ns, string layer) => ns == layer || ns.StartsWith(layer + ".", StringComparison.Ordinal);

    /// <summary>"Type -> upper layer" for every type that references a layer above its own.</summary>
    private static List<string> Violations(string[] layers, bool exact = false)
    {
        var found = new List<string>();
        for (int i = 0; i < layers.Length - 1; i++)
        {
            string layer = layers[i];
            foreach (string up in layers[(i + 1)..])
            {
                var types = Types.InAssembly(Core).That();
                var result = (exact ? types.ResideInNamespaceMatching("^" + Regex.Escape(layer) + "$") : types.ResideInNamespace(layer))
                    .Should().NotHaveDependencyOn(up).GetResult();
                if (!result.IsSuccessful)
                    found.AddRange(result.FailingTypeNames.Select(t => $"{t} -> {up}"));
            }
        }
        return found;
    }
}
