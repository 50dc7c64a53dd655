using System.Collections.Frozen;
using System.Collections.Immutable;
using TextLint.Documents;
using TextLint.Documents.Segmentation;
using TextLint.Text;

namespace TextLint.Rules.Kinds;

/// <summary>
/// The doubt model of <c>doubt: only</c> / <c>doubt: exclude</c>: whether a short quotation that is not
/// direct speech, a mention or a name reads as the writer distancing themselves from the words. Measured
/// on clean edited news, almost every short quotation there is something else — a term being introduced
/// ("a ‘gravity tractor’", "the ‘green card’"), a title or a list item of a report, a nickname, or a
/// source's word with the source a sentence away — and those are nouns. What is left when the words
/// are not a noun phrase, and no one in reach could have said them, is doubt:
/// <list type="bullet">
/// <item>an adjective or participle ("an ‘aggressive’ strain", "‘terrorist-related’ attack", "a ‘very
/// dangerous’ inmate"), known by its ending or by an intensifier before it;</item>
/// <item>one verb between its subject and what follows it ("Ceasefire ‘holds’ in northern villages",
/// "Officials ‘investigate’ the leak", "The deal ‘protects’ workers").</item>
/// </list>
/// and none of: a named source or direct speech in the sentence, the sentence before or after, or the
/// paragraph; a verb of saying or judging in the sentence ("he deems the rules ‘unreasonable’");
/// "as" or a labelling word before it; first- or second-person words or a question (an interview, an
/// opinion); a run of quoted list items; in a headline, words the document quotes again (the body's
/// quotation, with its source, is judged where it stands). Interview transcripts are speech (Document.TranscriptSpeech), where
/// no finding is reported. Quoted nouns — the loaded ones ("experts", "referendum") — are the listed terms'
/// rule (TL2002), not guessed here.
/// </summary>
public sealed partial class QuotationRule
{
    /// <summary>Words before a noun that make a quotation after them a term being named: "a ‘gravity tractor’".</summary>
    private static readonly FrozenSet<string> Determiners = WordSet.Of(
        "a an the this that these those its their his her our your my some any each every no another such which what whose " +
        "either neither both all several many few most more less other one two three four five six seven eight nine ten");

    /// <summary>Words that cannot be the subject of a verb right after them.</summary>
    private static readonly FrozenSet<string> NotSubjects = WordSet.Of(
        "of in on at to for with from by about into onto over under after before between through during without within " +
        "against among around across behind beyond near toward towards upon via per than as like up down out off " +
        "is are was were be been being am has have had do does did will would can could may might shall should must " +
        "and or but nor so yet if because while although though whether that which who whom whose when where why how " +
        "not never also just only even very too quite rather");

    /// <summary>Words that may follow a verb: determiners, prepositions, object pronouns, adverbs of place and degree.</summary>
    private static readonly FrozenSet<string> AfterVerb = WordSet.Of(
        "a an the this that these those its their his her some any all no each every " +
        "in on at to for with from by about into onto over under after before between through during without within " +
        "against among around across behind beyond near toward towards upon up down out off back again " +
        "him them it us").Union(Determiners, StringComparer.OrdinalIgnoreCase).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words before an adjective that make it one: "a ‘very dangerous’ inmate".</summary>
    private static readonly FrozenSet<string> Intensifiers = WordSet.Of(
        "very so too fully highly extremely truly really totally completely perfectly entirely deeply quite most more less");

    private static readonly string[] AdjectiveEndings = ["ive", "ous", "ful", "less", "able", "ible", "ical", "ish"];

    private static readonly string[] CompoundAdjectiveEndings = ["-related", "-style", "-like", "-minded", "-based", "-free", "-friendly", "-proof", "-linked"];

    /// <summary>One-word answers and interjections, never a verb doubted: a terse ‘no’.</summary>
    private static readonly FrozenSet<string> NotVerbs = WordSet.Of(
        "yes no not ok okay hello goodbye thanks please sorry maybe plus minus versus thus");

    /// <summary>Verbs that say whose view the words are: "he deems them ‘unreasonable’", "blamed it on ‘miscommunication’".</summary>
    private static readonly FrozenSet<string> JudgingVerbs = WordSet.Of(
        "deem deems deemed consider considers considered considering regard regards regarded view views viewed " +
        "blame blames blamed accuse accuses accused criticise criticises criticised criticize criticizes criticized " +
        "propose proposes proposed recommend recommends recommended believe believes believed think thinks thought " +
        "feel feels felt fear fears feared worry worries worried hope hopes hoped expect expects expected " +
        "introduce introduces introduced treat treats treated nickname nicknamed promise promises promised " +
        "complain complains complained complaints criticism criticisms accusation accusations allegation allegations " +
        "statement statements describes description insists insisted deny denies denied");

    /// <summary>First- and second-person words: an interview answer, a reader addressed, an opinion piece.</summary>
    private static readonly FrozenSet<string> Persons = WordSet.Of(
        "i i'm i've i'd i'll me my mine we we're we've our ours us you you're your yours");

    private static readonly FrozenSet<string> ListJoiners = WordSet.Of("and or nor than not versus vs");

    /// <summary>What the doubt model decided for the document's sentences and paragraphs, worked out once per unit.</summary>
    private sealed class DoubtCache
    {
        public readonly Dictionary<int, bool> SourcedSentence = new();
        public readonly Dictionary<int, bool> SourcedParagraph = new();

        /// <summary>How often each quotation's words (lower case) are quoted in the document; built on first use.</summary>
        public Dictionary<string, int>? QuotedWords;
    }

    /// <summary>True when the quotation (already known to be short, not speech, not a mention or a name) is the writer's doubt.</summary>
    private static bool IsDoubt(RuleContext context, ImmutableArray<Quotation> quotes, int qi, TextSpan content, ref DoubtCache? cache)
    {
        string text = context.Text;
        var q = quotes[qi];
        var doc = context.Document;
        if (DirectSpeech.AfterScareMarker(text, q, TextSpan.FromBounds(0, text.Length))) return false; // TL2001's
        if (InQuotedList(text, quotes, qi)) return false;
        var sentences = doc.Sentences;
        int si = SortedSpans.IndexOf(sentences.AsSpan(), q.Span.Start);
        if (si < 0) return false;
        var sentence = sentences[si];
        if (!Shape(text, q, content, sentence)) return false;
        if (InPersonOrQuestion(text, quotes, sentence)) return false;
        if (DescribesItsSubject(text, q, sentence) || WordingOfDocument(text, quotes, sentence, q)) return false;
        if (HasJudgingWord(text, quotes, sentence, content)) return false;

        cache ??= new DoubtCache();
        // A headline abbreviates its story: "Police shoot man dead after 'terrorist-related' knife attack" quotes
        // the words the body quotes with their source ("what the police declared a “terrorist-related” attack").
        // The body's quotation is judged where it stands; the headline's repeats it.
        if (IsHeadline(text, sentence) && QuotedElsewhere(text, quotes, content, cache)) return false;
        var paragraphs = doc.Paragraphs;
        int pi = SortedSpans.IndexOf(paragraphs.AsSpan(), q.Span.Start);
        if (pi >= 0)
        {
            if (Sourced(text, quotes, paragraphs[pi], pi, cache.SourcedParagraph)) return false;
        }
        // The sentence before and after, across a paragraph break too — but not a line that is no sentence
        // (a dateline, "Wikinews report", a credit): it attributes nothing.
        for (int s = Math.Max(0, si - 1); s <= Math.Min(sentences.Length - 1, si + 1); s++)
            if ((s == si || EndsAsSentence(text, sentences[s])) && Sourced(text, quotes, sentences[s], s, cache.SourcedSentence)) return false;
        return true;
    }

    /// <summary>Whether the same words are quoted at least twice in the document (this quotation and another), ignoring case.</summary>
    private static bool QuotedElsewhere(string text, ImmutableArray<Quotation> quotes, TextSpan content, DoubtCache cache)
    {
        if (cache.QuotedWords is null)
        {
            cache.QuotedWords = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var other in quotes)
            {
                // Short quotations only: a headline's doubted words are one to a few words.
                if (other.Content.Length > MaxRepeatedQuote) continue;
                string key = QuotedKey(text, other.Content);
                if (key.Length > 0) cache.QuotedWords[key] = cache.QuotedWords.GetValueOrDefault(key) + 1;
            }
        }
        return content.Length <= MaxRepeatedQuote && cache.QuotedWords.GetValueOrDefault(QuotedKey(text, content)) >= 2;
    }

    /// <summary>The longest quotation whose repetition <see cref="QuotedElsewhere"/> counts, in characters.</summary>
    private const int MaxRepeatedQuote = 80;

    private static string QuotedKey(string text, TextSpan content) =>
        text.AsSpan(content.Start, content.Length).Trim().Trim(".,;:!?").ToString().ToLowerInvariant();

    private static bool EndsAsSentence(string text, TextSpan sentence)
    {
        int end = sentence.End;
        while (end > sentence.Start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '"' or '\u201D' or '\'' or '\u2019' or ')')) end--;
        return end > sentence.Start && text[end - 1] is '.' or '!' or '?' or ':' or '\u2026';
    }

    /// <summary>An adjective or participle, or one verb between its subject and its object.</summary>
    private static bool Shape(string text, Quotation q, TextSpan content, TextSpan sentence)
    {
        var words = new List<TextSpan>(3);
        int pos = content.Start;
        while (TextWords.Next(text, pos, content.End, out var w))
        {
            var s = text.AsSpan(w.Start, w.Length);
            // Lower-case words only: a capital or a digit is a name, a title or a figure.
            if (!TextWords.IsLowerCase(s) || !char.IsLetter(s[0])) return false;
            words.Add(w);
            pos = w.End;
        }
        if (words.Count == 0) return false;
        bool hasPrev = TextWords.Previous(text, q.Span.Start, Math.Max(sentence.Start, q.Span.Start - 40), out var prevWord)
            && text.AsSpan(prevWord.End, q.Span.Start - prevWord.End).Trim().IsEmpty; // punctuation between: nothing joined to it
        var prev = hasPrev ? text.AsSpan(prevWord.Start, prevWord.Length) : default;
        // "as ‘heroes’", "introduced himself as ‘pro-life’": a label, whoever gave it; "‘grayned’ meaning ‘bladed’": a gloss.
        if (hasPrev && Glosses.Has(prev)) return false;
        var last = text.AsSpan(words[^1].Start, words[^1].Length);
        var follower = Follower(text, q.Span.End, sentence.End, out var next);
        bool headline = IsHeadline(text, sentence);

        // An adjective where adjectives stand: before its noun ("an ‘aggressive’ strain") or after a verb of being, at
        // the end of the clause ("the programme is ‘voluntary’ but"). "The ‘directive’ of", "a ‘collectible’." are nouns.
        bool attributive = follower == FollowerKind.Word && !NotSubjects.Has(next) && !AfterVerb.Has(next);
        bool predicative = hasPrev && Copulas.Has(prev)
            && (follower is FollowerKind.Punctuation or FollowerKind.End || follower == FollowerKind.Word && NotSubjects.Has(next) && !Determiners.Has(next));
        bool modified = words.Count == 1 || AllModifiers(text, words);
        if ((attributive || predicative) && modified && IsAdjective(last)) return true;
        if ((attributive || predicative) && words.Count == 2 && Intensifiers.Has(text.AsSpan(words[0].Start, words[0].Length)) && last.Length > 2) return true;
        // After a verb of being, endings that also make nouns ("proposal", "secretary", "meeting") are adjectives.
        if (predicative && words.Count == 1 && IsPredicateAdjective(last)) return true;

        // One verb between its subject and what it takes: "Ceasefire ‘holds’ in", "Officials ‘investigate’ the leak",
        // "she ‘fainted’ several times". A plural noun looks the same ("two chalice ‘kraters’ in"): the subject must
        // open its clause, not follow a number or a verb.
        if (words.Count != 1 || NotVerbs.Has(last) || last.Length < 3 || !hasPrev) return false;
        if (NotSubjects.Has(prev) || Determiners.Has(prev) || TextWords.IsPossessive(prev)
            || IsAdjective(prev)) return false;
        bool thirdPerson = last.EndsWith("s", StringComparison.Ordinal) && !last.EndsWith("ss", StringComparison.Ordinal)
            && !last.EndsWith("us", StringComparison.Ordinal) && !last.EndsWith("is", StringComparison.Ordinal);
        bool past = last.EndsWith("ed", StringComparison.Ordinal) && !last.EndsWith("eed", StringComparison.Ordinal);
        bool plural = prev.Length > 3 && prev.EndsWith("s", StringComparison.OrdinalIgnoreCase) && !prev.EndsWith("ss", StringComparison.OrdinalIgnoreCase);
        if (!thirdPerson && !past && !plural) return false;
        if ((thirdPerson || plural) && !OpensClause(text, prevWord, sentence)) return false;
        if (follower == FollowerKind.Word && AfterVerb.Has(next)) return true;
        // A headline drops its articles and its full stop: "Minister ‘regrets’ decision", "Ceasefire ‘holds’".
        return headline && thirdPerson && TextWords.StartsUpper(prev)
            && (follower is FollowerKind.End or FollowerKind.Punctuation || follower == FollowerKind.Word && TextWords.IsLowerCase(next));
    }

    private enum FollowerKind { End, Punctuation, Word, Other }

    /// <summary>What comes right after the quotation: the end of the sentence, punctuation, or a word.</summary>
    private static FollowerKind Follower(string text, int after, int end, out ReadOnlySpan<char> next)
    {
        next = default;
        while (after < end && text[after] is ' ' or '\u00A0') after++;
        if (after >= end || text[after] is '\n' or '\r') return FollowerKind.End;
        if (text[after] is '.' or ',' or ';' or ':' or '!' or '?' or '\u2014' or '\u2013' or ')') return FollowerKind.Punctuation;
        if (!TextWords.Next(text, after, end, out var w) || w.Start != after) return FollowerKind.Other;
        next = text.AsSpan(w.Start, w.Length);
        return TextWords.IsLowerCase(next) ? FollowerKind.Word : FollowerKind.Other;
    }

    /// <summary>
    /// Whether the subject word opens its clause: the sentence's start, punctuation, or a determiner or capitalised
    /// word before it ("The council", "Prime Minister"), not a number, quantifier or verb ("painted two chalice").
    /// </summary>
    private static bool OpensClause(string text, TextSpan subject, TextSpan sentence)
    {
        if (!TextWords.Previous(text, subject.Start, sentence.Start, out var before)) return true;
        if (!text.AsSpan(before.End, subject.Start - before.End).Trim().IsEmpty) return true;
        var w = text.AsSpan(before.Start, before.Length);
        if (Quantities.Has(w) || char.IsDigit(w[0])) return false;
        if (Determiners.Has(w) || TextWords.StartsUpper(w) || ClauseOpeners.Has(w)) return true;
        return IsAdjective(w) || TextWords.IsPossessive(w);
    }

    private static readonly FrozenSet<string> Glosses = WordSet.Of("as meaning means meant literally translated translates");

    private static readonly FrozenSet<string> Quantities = WordSet.Of(
        "one two three four five six seven eight nine ten several many few some both all most more");

    private static readonly FrozenSet<string> ClauseOpeners = WordSet.Of(
        "and but or so yet that which who while when after before because since although though if");

    private static readonly string[] PredicateEndings = ["al", "ary", "ory", "ing", "ent", "ant", "ic", "ile", "ate"];

    private static bool IsPredicateAdjective(ReadOnlySpan<char> w)
    {
        if (w.Length < 5) return false;
        foreach (var e in PredicateEndings)
            if (w.EndsWith(e, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>A line with no closing punctuation and at most a dozen or so words: a headline or a title.</summary>
    private static bool IsHeadline(string text, TextSpan sentence)
    {
        return !EndsAsSentence(text, sentence) && TextWords.Count(text, sentence) <= 16;
    }

    /// <summary>Every word but the last is an adverb or an adjective: "deeply ‘disruptive’", not "designated area".</summary>
    private static bool AllModifiers(string text, List<TextSpan> words)
    {
        for (int i = 0; i < words.Count - 1; i++)
        {
            var w = text.AsSpan(words[i].Start, words[i].Length);
            if (!Intensifiers.Has(w) && !w.EndsWith("ly", StringComparison.Ordinal) && !IsAdjective(w)) return false;
        }
        return true;
    }

    private static bool IsAdjective(ReadOnlySpan<char> w)
    {
        if (w.Length < 5) return false;
        foreach (var e in CompoundAdjectiveEndings)
            if (w.EndsWith(e, StringComparison.OrdinalIgnoreCase)) return true;
        if (w.Contains('-') && w.Length > 4 && IsAdjective(w[(w.LastIndexOf('-') + 1)..])) return true;
        foreach (var e in AdjectiveEndings)
            if (w.EndsWith(e, StringComparison.OrdinalIgnoreCase)) return true;
        // Participles: "prolonged", "discoloured" — not "need", "speed", "hundred".
        return w.Length >= 6 && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("eed", StringComparison.OrdinalIgnoreCase)
            && !w.EndsWith("dred", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>‘Storms and cyclones’, ‘Flooding’ and ‘Biodiversity loss’; "green tape" rather than "red tape": items quoted from a list.</summary>
    private static bool InQuotedList(string text, ImmutableArray<Quotation> quotes, int qi)
    {
        return qi > 0 && Joined(text, quotes[qi - 1].Span.End, quotes[qi].Span.Start)
            || qi + 1 < quotes.Length && Joined(text, quotes[qi].Span.End, quotes[qi + 1].Span.Start);

        static bool Joined(string text, int from, int to)
        {
            if (to < from || to - from > 16) return false;
            int pos = from, words = 0;
            while (TextWords.Next(text, pos, to, out var w))
            {
                if (!ListJoiners.Has(text.AsSpan(w.Start, w.Length)) && !text.AsSpan(w.Start, w.Length).Equals("rather", StringComparison.OrdinalIgnoreCase)) return false;
                if (++words > 2) return false;
                pos = w.End;
            }
            for (int k = from; k < to; k++)
                if (!(char.IsWhiteSpace(text[k]) || char.IsLetter(text[k]) || text[k] is ',' or ';' or '/')) return false;
            return true;
        }
    }

    /// <summary>Verbs that link a subject to what it is said to be: "remains ‘fully committed’".</summary>
    private static readonly FrozenSet<string> Copulas = WordSet.Of(
        "is are was were be been being am remain remains remained seem seems seemed appear appears appeared feel feels felt " +
        "look looks looked become becomes became stay stays stayed sound sounds sounded");

    private static readonly FrozenSet<string> PersonalPronouns = WordSet.Of("he she they");

    /// <summary>
    /// "Richardson remains ‘fully committed’", "She was ‘devastated’": what a named person or "he/she/they" is, in
    /// quotes, is how they described themselves — their word, reported.
    /// </summary>
    private static bool DescribesItsSubject(string text, Quotation q, TextSpan sentence)
    {
        if (!TextWords.Previous(text, q.Span.Start, sentence.Start, out var verb) || !Copulas.Has(text.AsSpan(verb.Start, verb.Length))) return false;
        if (!TextWords.Next(text, sentence.Start, sentence.End, out var first)) return false;
        var w = text.AsSpan(first.Start, first.Length);
        if (PersonalPronouns.Has(w)) return true;
        return TextWords.StartsUpper(w) && !Determiners.Has(w) && !NotSubjects.Has(w) && !IsSentenceAdverb(w);
    }

    private static bool IsSentenceAdverb(ReadOnlySpan<char> w) => w.EndsWith("ly", StringComparison.OrdinalIgnoreCase)
        || w.Equals("Now", StringComparison.OrdinalIgnoreCase) || w.Equals("Today", StringComparison.OrdinalIgnoreCase);

    /// <summary>Nouns for a text whose wording may be quoted: a rule, a bill, a contract, a label.</summary>
    private static readonly FrozenSet<string> WordedTexts = WordSet.Of(
        "rule rules regulation regulations law laws bill bills act policy policies guideline guidelines code contract contracts " +
        "agreement agreements treaty resolution motion charter constitution proposal proposals draft manifesto label labels " +
        "warning warnings advert advertisement ad ads slogan website site brochure sign signs leaflet flyer notice guidance");

    /// <summary>"The new rules allow ‘non-disruptive’ use", "the bill requires cards to be ‘machine readable’": the document's words.</summary>
    private static bool WordingOfDocument(string text, ImmutableArray<Quotation> quotes, TextSpan sentence, Quotation q)
    {
        int pos = sentence.Start;
        while (TextWords.Next(text, pos, q.Span.Start, out var w))
        {
            pos = w.End;
            var word = text.AsSpan(w.Start, w.Length);
            if ((WordedTexts.Has(word) || NamedSources.Default.KindOf(word) == SourceNounKind.Document) && !InsideQuotation(quotes, w.Start)) return true;
        }
        return false;
    }

    /// <summary>First- or second-person words outside quotations, or a question: not the writer's voice in news copy.</summary>
    private static bool InPersonOrQuestion(string text, ImmutableArray<Quotation> quotes, TextSpan sentence)
    {
        int end = sentence.End;
        while (end > sentence.Start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '"' or '\u201D' or '\'' or '\u2019' or ')')) end--;
        if (end > sentence.Start && text[end - 1] == '?') return true;
        int pos = sentence.Start;
        while (TextWords.Next(text, pos, sentence.End, out var w))
        {
            pos = w.End;
            if (Persons.Has(text.AsSpan(w.Start, w.Length)) && !InsideQuotation(quotes, w.Start)) return true;
        }
        return false;
    }

    /// <summary>A verb or noun of saying or judging outside the quotations of the sentence, or inside the doubted words themselves.</summary>
    private static bool HasJudgingWord(string text, ImmutableArray<Quotation> quotes, TextSpan sentence, TextSpan content)
    {
        int pos = sentence.Start;
        while (TextWords.Next(text, pos, sentence.End, out var w))
        {
            pos = w.End;
            var word = text.AsSpan(w.Start, w.Length);
            if (!JudgingVerbs.Has(word) && !DirectSpeech.SpeechVerbs.Has(word)) continue;
            // "Labour ‘strongly maintains’": the quoted words report the speaker's own view.
            if (content.Contains(w.Start) || !InsideQuotation(quotes, w.Start)) return true;
        }
        return false;
    }

    private static bool InsideQuotation(ImmutableArray<Quotation> quotes, int position)
    {
        foreach (var q in quotes)
        {
            if (q.Span.Start > position) break;
            if (q.Span.Contains(position)) return true;
        }
        return false;
    }

    /// <summary>A named source or direct speech in the unit.</summary>
    private static bool Sourced(string text, ImmutableArray<Quotation> quotes, TextSpan unit, int index, Dictionary<int, bool> cache)
    {
        if (cache.TryGetValue(index, out bool has)) return has;
        has = HasSpeech(quotes, unit) || NamedSources.Default.Find(text, unit).Count > 0;
        cache[index] = has;
        return has;
    }
}
