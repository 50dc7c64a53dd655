using System.Collections.Immutable;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Rules.Kinds;

/// <summary>
/// kind: consistency — variant spellings that must not be mixed in one document (<c>sets</c>:
/// [[Kyiv, Kiev], [Odesa, Odessa]]). When a document uses two or more variants of a set, each minority
/// variant is reported once, at its first occurrence; on a tie the variant listed first counts as
/// the majority. Occurrences in direct speech are not counted unless <c>speech: include</c>: a source's
/// spelling is not the writer's.
///
/// One finding per minority variant, not one per occurrence: the problem is a single editorial decision
/// (which spelling the piece uses), the substitution rules already mark every occurrence of a
/// non-house spelling, and flagging each one would multiply one decision into many findings.
/// </summary>
public sealed class ConsistencyRule : Rule
{
    public static readonly RuleKind Kind = new("consistency", ["match", "majority", "count", "majorityCount"], (d, def) => new ConsistencyRule(d, def),
        "Reports the minority variant when a document mixes spellings of one set (Kiev/Kyiv).")
    {
        Options =
        [
            new("sets", "Lists of variant spellings that must not be mixed in one document ([[Kyiv, Kiev], [Odesa, Odessa]])."),
            new("ignorecase", "Match the variants case-insensitively (default true)."),
        ],
    };

    private const int Stride = 1 << 12;
    private readonly ImmutableArray<ImmutableArray<string>> _sets;
    private readonly bool _ignoreCase;

    private ConsistencyRule(RuleDescriptor descriptor, RuleDefinition def) : base(descriptor)
    {
        _ignoreCase = def.GetBool("ignorecase", true);
        var b = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        foreach (var set in def.GetStringLists("sets"))
        {
            if (set.Length < 2)
            {
                def.Error(set.IsEmpty ? def.PositionOf("sets") : set[0].Position, "A variant set needs at least two variants.");
                continue;
            }
            if (set.Length >= Stride) { def.Error(set[0].Position, $"A variant set may hold at most {Stride - 1} variants."); continue; }
            b.Add(set.Select(v => v.Value).ToImmutableArray());
        }
        _sets = b.ToImmutable();
        if (_sets.IsEmpty && def.ErrorCount == 0)
            def.Error(def.Mapping.Position, "A consistency rule needs 'sets': a list of variant lists, e.g. [[Kyiv, Kiev]].");
    }

    public override void RegisterLiterals(LiteralRegistry registry)
    {
        for (int s = 0; s < _sets.Length; s++)
            for (int v = 0; v < _sets[s].Length; v++)
                registry.Add(_sets[s][v], s * Stride + v, caseSensitive: !_ignoreCase);
    }

    public override void Analyze(RuleContext context)
    {
        var literals = context.Literals.Span;
        if (literals.IsEmpty) return;
        var counts = new int[_sets.Length][];
        var first = new TextSpan?[_sets.Length][];
        int lastEnd = -1;
        foreach (var m in literals)
        {
            if (m.Start < lastEnd) continue; // leftmost-longest, as written
            lastEnd = m.End;
            if (!context.Accepts(m.Span)) continue;
            int s = m.Payload / Stride, v = m.Payload % Stride;
            (counts[s] ??= new int[_sets[s].Length])[v]++;
            (first[s] ??= new TextSpan?[_sets[s].Length])[v] ??= m.Span;
        }
        for (int s = 0; s < _sets.Length; s++)
        {
            var c = counts[s];
            if (c is null || c.Count(n => n > 0) < 2) continue;
            int major = 0;
            for (int v = 1; v < c.Length; v++)
                if (c[v] > c[major]) major = v;
            for (int v = 0; v < c.Length; v++)
            {
                if (v == major || c[v] == 0) continue;
                var span = first[s]![v]!.Value;
                context.Report(span, context.Arguments(span)
                    .With("majority", _sets[s][major]).With("count", c[v].ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .With("majorityCount", c[major].ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
    }
}
