using System.Globalization;
using TextLint.Documents;
using TextLint.Documents.Segmentation;
using TextLint.Text;

namespace TextLint.Rules.Kinds;

/// <summary>
/// kind: metric — a measure of each unit of the rule's scope (<c>scope: paragraph</c> by default):
/// <c>metric: words</c> (the default), <c>sentences</c> or <c>characters</c>, reported when it is
/// above <c>max</c> or below <c>min</c> ("a paragraph over 150 words"). The region is the unit.
/// </summary>
public sealed class MetricRule : Rule
{
    public static readonly RuleKind Kind = new("metric", ["match", "value", "max", "min", "metric"], (d, def) => new MetricRule(d, def),
        "Reports a unit (paragraph, sentence, title, …) whose word, sentence or character count is out of bounds.")
    {
        DefaultScope = RuleScope.Paragraph,
        Scopes = [RuleScope.Document, RuleScope.Title, RuleScope.Paragraph, RuleScope.Sentence, RuleScope.Line, RuleScope.Quote, RuleScope.Heading],
        Options =
        [
            new("metric", "What to measure in each unit: words (default), sentences or characters."),
            new("max", "Report a unit measuring more than this."),
            new("min", "Report a unit measuring less than this."),
        ],
    };

    private enum Measure { Words, Sentences, Characters }

    private readonly Measure _measure;
    private readonly int? _max;
    private readonly int? _min;

    private MetricRule(RuleDescriptor descriptor, RuleDefinition def) : base(descriptor)
    {
        string metric = def.GetString("metric") ?? "words";
        switch (metric)
        {
            case "words": _measure = Measure.Words; break;
            case "sentences": _measure = Measure.Sentences; break;
            case "characters": _measure = Measure.Characters; break;
            default: def.Error(def.PositionOf("metric"), $"metric '{metric}' is not one of words, sentences, characters."); break;
        }
        if (def.Has("max")) _max = def.GetInt("max", 0, 0, int.MaxValue);
        if (def.Has("min")) _min = def.GetInt("min", 0, 0, int.MaxValue);
        if (_max is null && _min is null && def.ErrorCount == 0)
            def.Error(def.Mapping.Position, "A metric rule needs 'max' or 'min'.");
        if (_max < _min) def.Error(def.PositionOf("max"), "'max' must not be less than 'min'.");
    }

    public override void Analyze(RuleContext context)
    {
        string text = context.Text;
        foreach (var unit in context.Units)
        {
            if (unit.IsEmpty) continue;
            // A word takes a character and needs another between it and the next: a unit of n characters
            // holds at most (n + 1) / 2 words, so most units cannot exceed a word maximum and are not counted.
            if (_measure == Measure.Words && _min is null && _max is { } limit && (unit.Length + 1) / 2 <= limit) continue;
            int value = _measure switch
            {
                Measure.Words => TextWords.Count(text, unit),
                Measure.Characters => unit.Length,
                _ => CountSentences(context.Document, unit),
            };
            if ((_max is { } max && value > max) || (_min is { } min && value < min))
            {
                var args = context.Arguments(unit)
                    .With("value", value.ToString(CultureInfo.InvariantCulture))
                    .With("max", _max?.ToString(CultureInfo.InvariantCulture) ?? "")
                    .With("min", _min?.ToString(CultureInfo.InvariantCulture) ?? "")
                    .With("metric", _measure.ToString().ToLowerInvariant());
                context.Report(unit, args);
            }
        }
    }

    private static int CountSentences(Document document, TextSpan unit)
    {
        var sentences = document.Sentences.AsSpan();
        int n = 0;
        for (int i = SortedSpans.FirstEndingAfter(sentences, unit.Start); i < sentences.Length && sentences[i].Start < unit.End; i++) n++;
        return n;
    }
}
