using System.Globalization;
using TextLint.Documents;
using TextLint.Documents.Segmentation;
using TextLint.Text;

namespace TextLint.Rules.Kinds;

/// <summary>
/// kind: metric — a measure of each unit of the rule's scope (<c>scope: paragraph</c> by default):
/// <c>metric: words</c> (the default), <c>sentences</c> or <c>characters</c>, reported when it is
/// above <c>max</c> or below <c>min</c> ("a paragraph over 150 words"). The region is the unit.
/// <c>ignore</c> leaves out of a word count what is not the writer's own running prose (see
/// <see cref="Ignored"/>): a long quotation does not make the writer's sentence long, and a cricket
/// scorecard flattened to one line is a table, not a sentence.
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
            new("ignore", "With metric: words, what not to count: speech (words in direct speech: quotations of a source's words, " +
                "quoted blocks, interview transcripts), transcripts (words in an interview transcript's turns only), otherScripts " +
                "(words in another script than the document's main one: an original printed after its translation), runInHeads " +
                "(a head of at most 12 words and a colon before a capital that opens the unit: 'Virginia Tech shootings: A gunman…'), " +
                "lists (a unit that is a list flattened to text, short items separated by commas, semicolons or colons with almost no function " +
                "words such as a scorecard or team sheet, or an enumeration of four or more items of at most six words with at most 25 other words, is not measured at all)."),
        ],
    };

    private enum Measure { Words, Sentences, Characters }

    /// <summary>What a word count leaves out (YAML <c>ignore</c>).</summary>
    [Flags]
    private enum Ignored
    {
        None = 0,
        Speech = 1,
        Transcripts = 2,
        OtherScripts = 4,
        RunInHeads = 8,
        Lists = 16,
    }

    /// <summary>How many words a run-in head may have before its colon.</summary>
    private const int MaxRunInHead = 12;

    private readonly Ignored _ignore;

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
        foreach (var (value, at) in def.GetStringList("ignore"))
        {
            var flag = value switch
            {
                "speech" => Ignored.Speech,
                "transcripts" => Ignored.Transcripts,
                "otherScripts" => Ignored.OtherScripts,
                "runInHeads" => Ignored.RunInHeads,
                "lists" => Ignored.Lists,
                _ => Ignored.None,
            };
            if (flag == Ignored.None) def.Error(at, $"ignore '{value}' is not one of speech, transcripts, otherScripts, runInHeads, lists.");
            _ignore |= flag;
        }
        if (_ignore != Ignored.None && _measure != Measure.Words && def.ErrorCount == 0)
            def.Error(def.PositionOf("ignore"), "'ignore' applies to metric: words only.");
    }

    public override void Analyze(RuleContext context)
    {
        string text = context.Text;
        foreach (var unit in context.Units)
        {
            if (unit.IsEmpty) continue;
            int counted = -1;
            if (_measure == Measure.Words)
            {
                // The document's word starts give any unit's count without reading it (two binary searches).
                counted = context.Document.Words.Count(unit);
                // The words ignore leaves in are never more than the unit's: a unit within a maximum stays within it.
                if (_min is null && _max is { } limit && counted <= limit) continue;
            }
            int value = _measure switch
            {
                Measure.Words when _ignore != Ignored.None => OwnWords(context.Document, unit, counted),
                Measure.Words => counted,
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

    /// <summary>The words of the unit that <c>ignore</c> leaves in; 0 for a list or a series when lists are ignored.</summary>
    /// <param name="counted">The unit's words.</param>
    private int OwnWords(Document document, TextSpan unit, int counted)
    {
        string text = document.Prose;
        int from = unit.Start;
        if ((_ignore & Ignored.RunInHeads) != 0) from = AfterRunInHead(text, unit);
        var body = TextSpan.FromBounds(from, unit.End);
        int all = from == unit.Start ? counted : document.Words.Count(body);
        // Leaving words out only lowers the count: a unit within a maximum stays within it.
        if (_min is null && _max is { } max && all <= max) return all;
        if ((_ignore & Ignored.Lists) != 0 && (ListText.IsList(text, body) || ListText.IsSeries(text, body))) return 0;
        var skip = (_ignore & Ignored.Speech) != 0 ? document.Speech
            : (_ignore & Ignored.Transcripts) != 0 ? document.TranscriptSpeech
            : SpanSet.Empty;
        bool scripts = (_ignore & Ignored.OtherScripts) != 0 && document.Scripts.IsMixed;
        if (skip.IsEmpty && !scripts) return all;
        return TextWords.CountOwn(text, body, skip.Spans.AsSpan(), scripts ? document.Scripts.Dominant : null, all);
    }

    /// <summary>
    /// Where the unit's text starts after a run-in head: a colon within the first <see cref="MaxRunInHead"/>
    /// words, followed by a space and a capital letter ("33 dead in Virginia Tech shootings: A single gunman…").
    /// A colon before a quotation or a lower-case word introduces the rest of the same sentence and is no head.
    /// </summary>
    private static int AfterRunInHead(string text, TextSpan unit)
    {
        int pos = unit.Start;
        for (int words = 0; words < MaxRunInHead; words++)
        {
            if (!TextWords.Next(text, pos, unit.End, out var w)) return unit.Start;
            int i = w.End;
            while (i < unit.End && text[i] is ')' or ']') i++;
            if (i < unit.End && text[i] == ':')
            {
                int k = i + 1;
                if (k >= unit.End || text[k] != ' ') return unit.Start;
                while (k < unit.End && text[k] == ' ') k++;
                return k < unit.End && char.IsUpper(text[k]) ? k : unit.Start;
            }
            if (i < unit.End && text[i] is '.' or '!' or '?' or ';') return unit.Start;
            pos = w.End;
        }
        return unit.Start;
    }

    private static int CountSentences(Document document, TextSpan unit)
    {
        var sentences = document.Sentences.AsSpan();
        int n = 0;
        for (int i = SortedSpans.FirstEndingAfter(sentences, unit.Start); i < sentences.Length && sentences[i].Start < unit.End; i++) n++;
        return n;
    }
}
