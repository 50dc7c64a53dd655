using System.Collections.Immutable;
using System.Text.RegularExpressions;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Rules;
using TextLint.Yaml;
using TextLint.Matching;
using TextLint.Text;
using TextLint.Diagnostics;

namespace TextLint.Loading.Vale;

/// <summary>
/// Vale's in-document switches: <c>&lt;!-- vale off --&gt;</c> / <c>&lt;!-- vale on --&gt;</c> for every Vale
/// rule, <c>&lt;!-- vale Style.Rule = NO --&gt;</c> / <c>= YES</c> for one rule (or a whole style), and
/// <c>&lt;!-- vale Style.Rule["match", ...] = NO --&gt;</c> for some matches of it. MDX's
/// <c>{/* vale off */}</c> works the same. A switch holds from the end of its comment.
/// </summary>
public sealed partial class ValeComments
{
    private readonly record struct Directive(int Offset, string? Target, ImmutableArray<string> Matches, bool On);

    private readonly ImmutableArray<Directive> _directives;

    private ValeComments(ImmutableArray<Directive> directives) => _directives = directives;

    public static readonly ValeComments None = new([]);

    public bool IsEmpty => _directives.IsEmpty;

    [GeneratedRegex(@"<!--\s*vale\s+(.*?)\s*-->|\{/\*\s*vale\s+(.*?)\s*\*/\}", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Comment();

    [GeneratedRegex(@"^([\w\-]+(?:\.[\w\-]+)?)(?:\[(.*)\])?\s*=\s*(YES|NO)$", RegexOptions.CultureInvariant)]
    private static partial Regex Switch();

    public static ValeComments Parse(string text)
    {
        if (!text.Contains("vale", StringComparison.Ordinal)) return None;
        var list = ImmutableArray.CreateBuilder<Directive>();
        foreach (Match m in Comment().Matches(text))
        {
            string body = (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Trim();
            int at = m.Index + m.Length;
            if (body == "off") list.Add(new Directive(at, null, [], false));
            else if (body == "on") list.Add(new Directive(at, null, [], true));
            else if (Switch().Match(body) is { Success: true } s)
            {
                var matches = s.Groups[2].Success
                    ? s.Groups[2].Value.Split(',').Select(x => x.Trim().Trim('"')).Where(x => x.Length > 0).ToImmutableArray()
                    : ImmutableArray<string>.Empty;
                list.Add(new Directive(at, s.Groups[1].Value, matches, s.Groups[3].Value == "YES"));
            }
        }
        return new ValeComments(list.ToImmutable());
    }

    /// <summary>Whether rule <paramref name="rule"/> is switched off at <paramref name="offset"/> for a match reading <paramref name="match"/>.</summary>
    public bool IsOff(string rule, int offset, string match)
    {
        if (_directives.IsEmpty) return false;
        string style = rule[..Math.Max(0, rule.IndexOf('.'))];
        bool all = false, ruleOff = false, styleOff = false, matchOff = false;
        foreach (var d in _directives)
        {
            if (d.Offset > offset) break;
            if (d.Target is null) all = !d.On;
            else if (d.Target == rule)
            {
                if (d.Matches.IsEmpty) ruleOff = !d.On;
                else if (d.Matches.Contains(match.Trim())) matchOff = !d.On;
            }
            else if (d.Target == style) styleOff = !d.On;
        }
        return all || ruleOff || styleOff || matchOff;
    }
}
