using System.Collections.Frozen;
using TextLint.Text;

namespace TextLint.Documents.Segmentation;

/// <summary>What kind of word a source noun is: a body that speaks, or a document that records.</summary>
public enum SourceNounKind : byte { None, Body, Document }

/// <summary>
/// Finds where a span of prose names the source of a claim, as news copy does:
/// <list type="bullet">
/// <item>a speaker before a report verb: a person ("Smith said", "Detective Jane Roe told"), a pronoun
/// that refers back to one ("he said"), an organisation or office ("police said", "the museum said",
/// "the county coroner confirmed"), a document ("a police report said", "court documents show");</item>
/// <item>the same after the verb ("said police", "said the museum", "said a spokeswoman");</item>
/// <item>the object of "according to", "citing", "quoting", "cited by", "reported by": "according to a
/// police report", "according to court documents", "according to a criminal complaint filed in Cook
/// County", "according to the museum", "according to Reuters";</item>
/// <item>a document named by where it appeared: "a study published in Nature".</item>
/// </list>
/// A phrase whose words are a vague quantity or crowd ("some experts said", "according to reports",
/// "according to unnamed sources", "critics argue", "studies show") is not a named source; a passive
/// ("is said to") has no speaker. The vocabulary is built in and can be extended with
/// <see cref="NamedSources(IEnumerable{string}, IEnumerable{string})"/>.
/// </summary>
public sealed class NamedSources
{
    /// <summary>Report verbs whose subject or inverted subject is the source.</summary>
    private static readonly FrozenSet<string> ReportVerbs = WordSet.Of(
        "say says said saying tell tells told state states stated report reports reported announce announces announced " +
        "confirm confirms confirmed write writes wrote add adds added explain explains explained note notes noted declare declares declared " +
        "testify testifies testified claim claims claimed allege alleges alleged argue argues argued believe believes believed " +
        "estimate estimates estimated warn warns warned insist insists insisted maintain maintains maintained contend contends " +
        "contended acknowledge acknowledges acknowledged admit admits admitted deny denies denied disclose discloses disclosed " +
        "reveal reveals revealed show shows showed shown indicate indicates indicated find finds found conclude concludes concluded " +
        "describe describes described identify identifies identified list lists listed allege alleged charge charges charged " +
        "accuse accuses accused suggest suggests suggested predict predicts predicted cite cites cited quote quotes quoted " +
        "tweet tweets tweeted post posts posted publish publishes published record records recorded " +
        "agree agrees agreed concede concedes conceded speculate speculates speculated assert asserts asserted " +
        "recall recalls recalled recount recounts recounted remark remarks remarked reply replies replied " +
        "respond responds responded complain complains complained caution cautions cautioned stress stresses stressed " +
        "emphasise emphasises emphasised emphasize emphasizes emphasized observe observes observed forecast forecasts");

    /// <summary>Verbs after which the object names the source ("according to X", "citing X", "reported by X").</summary>
    private static readonly FrozenSet<string> CitingWords = WordSet.Of("citing cited quoting quoted per");

    /// <summary>Words that may stand between a speaker and the verb ("police have said", "the museum later said").</summary>
    private static readonly FrozenSet<string> Auxiliaries = WordSet.Of(
        "has have had also later earlier previously then would will could had has subsequently initially first again " +
        "publicly separately recently originally repeatedly reportedly already further");

    private static readonly FrozenSet<string> BeForms = WordSet.Of("is are was were be been being am 's");

    private static readonly FrozenSet<string> Determiners = WordSet.Of(
        "the a an its his her their this that these those our one each another whose");

    /// <summary>Words that make a phrase a vague quantity or crowd rather than a named source.</summary>
    private static readonly FrozenSet<string> Vague = WordSet.Of(
        "some many most several few numerous various certain other others unnamed anonymous unidentified unconfirmed " +
        "unofficial informed unspecified undisclosed multiple countless plenty lots widespread");

    /// <summary>Nouns for an unnamed crowd or an unnamed body of claims: never a source alone, capitalised or not.</summary>
    private static readonly FrozenSet<string> Crowds = WordSet.Of(
        "people persons experts expert analysts analyst observers observer critics critic commentators commentator pundits " +
        "insiders insider sources source scholars historians researchers scientists academics economists specialists " +
        "reports rumors rumours media press studies research evidence estimates accounts claims speculation " +
        "everyone everybody someone somebody anyone nobody many some others observers opponents supporters proponents " +
        "skeptics sceptics detractors fans believers theorists");

    /// <summary>Pronouns that point back to a named source ("he said", "they told").</summary>
    private static readonly FrozenSet<string> Pronouns = WordSet.Of("he she they we i it who which");

    /// <summary>Capitalised words that start sentences without naming anyone.</summary>
    private static readonly FrozenSet<string> FunctionWords = WordSet.Of(
        "the a an this that these those it its there here some many most several few other others all both each every " +
        "and but or so yet if when while as after before since because although though however meanwhile also then " +
        "in on at by for with from of to into about over under according what who which where why how such no not");

    private static readonly FrozenSet<string> DefaultBodies = WordSet.Of(
        // law enforcement and courts
        "police policeman policewoman officer officers detective detectives sheriff deputy deputies constable trooper troopers " +
        "prosecutor prosecutors prosecution attorney attorneys lawyer lawyers counsel solicitor solicitors barrister judge judges " +
        "jury court courts coroner coroners examiner investigators investigator inspector inspectors magistrate tribunal " +
        "fbi interpol military army navy marines commander commanders firefighters paramedics " +
        // government and offices
        "ministry minister ministers department agency government governor mayor president premier chancellor " +
        "secretary spokesperson spokesman spokeswoman spokespeople representative office officials authorities " +
        "administration council commission committee regulator parliament senate congress cabinet embassy ambassador " +
        "consulate senator lawmaker lawmakers legislators legislature board authority bureau service inspectorate " +
        // organisations
        "museum gallery library university college school hospital clinic company firm airline manufacturer bank " +
        "club team league federation union association organisation organization charity foundation institute " +
        "agency newspaper broadcaster network magazine channel station publisher church diocese party campaign " +
        "operator owner owners organisers organizers family relatives neighbours neighbors witness witnesses " +
        "residents doctors staff employees executive executives chairman chairwoman director directors manager curator " +
        "ceo spokesperson group coalition rebels militia " +
        // people the story has introduced
        "man woman boy girl victim mother father wife husband son daughter brother sister friend neighbour neighbor " +
        "driver pilot passenger student teacher player coach singer actor author artist survivor eyewitness suspect " +
        "defendant plaintiff landlord tenant patient nurse farmer worker researcher scientist professor");

    private static readonly FrozenSet<string> DefaultDocuments = WordSet.Of(
        "report statement filing complaint affidavit indictment lawsuit suit documents document records record transcript " +
        "release communique communiqué memo memorandum letter email e-mail study survey poll paper article census audit " +
        "ruling verdict judgment judgement warrant order decree notice announcement bulletin post tweet video footage " +
        "autopsy testimony deposition summons petition minutes log logs data figures filings papers dossier findings " +
        "book biography memoir autobiography diary documentation " +
        // laws and rules speak for themselves: "the regulation states", "the treaty says"
        "regulation statute treaty constitution charter ordinance bylaw guideline guidelines directive contract " +
        "law act bill code policy rulebook manual");

    private readonly FrozenSet<string> _bodies;
    private readonly FrozenSet<string> _documents;

    /// <summary>The built-in vocabulary.</summary>
    public static readonly NamedSources Default = new([], []);

    /// <summary>The built-in vocabulary plus more body (organisation, office) and document nouns.</summary>
    public NamedSources(IEnumerable<string> bodies, IEnumerable<string> documents)
    {
        _bodies = DefaultBodies.Concat(bodies.Select(b => b.Trim())).Where(b => b.Length > 0).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _documents = DefaultDocuments.Concat(documents.Select(d => d.Trim())).Where(d => d.Length > 0).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }



    public SourceNounKind KindOf(ReadOnlySpan<char> word)
    {
        if (_bodies.Has(word)) return SourceNounKind.Body;
        if (_documents.Has(word)) return SourceNounKind.Document;
        // Plurals of listed nouns: "museums", "statements".
        if (word.Length > 3 && (word[^1] == 's' || word[^1] == 'S'))
        {
            var stem = word[..^1];
            if (_bodies.Has(stem)) return SourceNounKind.Body;
            if (_documents.Has(stem)) return SourceNounKind.Document;
        }
        return SourceNounKind.None;
    }

    /// <summary>
    /// The spans inside <paramref name="span"/> that name a source, in order; <paramref name="opensSentence"/>
    /// tells which positions open a sentence (a capital there is not a name by itself).
    /// </summary>
    public List<TextSpan> Find(string text, TextSpan span, Func<int, bool>? opensSentence = null)
    {
        var found = new List<TextSpan>();
        var words = new List<TextSpan>(64);
        int pos = span.Start;
        while (TextWords.Next(text, pos, span.End, out var w))
        {
            words.Add(w);
            pos = w.End;
        }
        ReadOnlySpan<char> t = text;
        for (int i = 0; i < words.Count; i++)
        {
            var word = t[words[i].Start..words[i].End];
            if (word.Equals("according", StringComparison.OrdinalIgnoreCase) && i + 1 < words.Count
                && t[words[i + 1].Start..words[i + 1].End].Equals("to", StringComparison.OrdinalIgnoreCase))
            {
                if (ObjectIsSource(t, words, i + 2, opensSentence, out int end)) found.Add(TextSpan.FromBounds(words[i].Start, words[end].End));
                continue;
            }
            bool byReporter = word.Equals("by", StringComparison.OrdinalIgnoreCase) && i > 0 && !Gap(t, words, i - 1, i)
                && IsReportParticiple(t[words[i - 1].Start..words[i - 1].End]);
            if (byReporter || CitingWords.Has(word))
            {
                if (ObjectIsSource(t, words, i + 1, opensSentence, out int end)) found.Add(TextSpan.FromBounds(words[i].Start, words[end].End));
                continue;
            }
            if (word.Equals("published", StringComparison.OrdinalIgnoreCase) && i + 2 < words.Count
                && t[words[i + 1].Start..words[i + 1].End].Equals("in", StringComparison.OrdinalIgnoreCase)
                && IsName(t, words, i + 2, opensSentence))
            {
                found.Add(TextSpan.FromBounds(words[i].Start, words[i + 2].End));
                continue;
            }
            if (Participles.Has(word) && i > 0 && OnlyComma(t, words[i - 1].End, words[i].Start)
                && ClauseSubjectIsSource(t, words, i, opensSentence, out int subject))
            {
                found.Add(TextSpan.FromBounds(words[subject].Start, words[i].End));
                continue;
            }
            if (!ReportVerbs.Has(word)) continue;
            // A capital inside a sentence makes the word part of a name, not a verb: "the United States was",
            // "the Washington Post", "Court Records".
            if (TextWords.StartsUpper(word) && !OpensSentence(t, words, i, opensSentence)) continue;
            if (SubjectIsSource(t, words, i, opensSentence, out int start))
            {
                // "he posted a .272 batting average", "Smith recorded an album": after a person these verbs report a
                // claim only when one follows ("found that", "posted on Twitter:"); "court documents show" always does.
                // Past an appositive ("Smith, a party official, posted"), the subject's head is the word before its comma.
                int head = Gap(t, words, i - 1, i) ? SubjectEnd(t, words, start) + 1 : i;
                if (AmbiguousVerbs.Has(word) && !IntroducesClaim(t, words, i)
                    && (ThatOnly.Has(word) || !HeadIsBodyOrDocument(t, words, head))) continue;
                found.Add(TextSpan.FromBounds(words[start].Start, words[i].End));
            }
            else if (IsSpeechVerbForm(word) && i + 1 < words.Count && !Gap(t, words, i, i + 1)
                     && ObjectIsSource(t, words, i + 1, opensSentence, out int end, inverted: true))
                found.Add(TextSpan.FromBounds(words[i].Start, words[end].End));
        }
        return found;
    }

    /// <summary>
    /// Report verbs with a common sense that reports nothing: to post a score, record an album, find a buyer, list a
    /// building, contend for a nomination, agree to terms, recall a product, observe an eclipse, respond to a call,
    /// concede defeat, assert control, recount the votes.
    /// </summary>
    private static readonly FrozenSet<string> AmbiguousVerbs = WordSet.Of(
        "post posts posted record records recorded list lists listed find finds found show shows showed shown publish publishes published " +
        "contend contends contended " + ThatOnlyWords);

    /// <summary>Whether what follows a verb is a reported claim: "that", "on" (a platform), a colon, comma or quotation mark, or the clause's end.</summary>
    private static bool IntroducesClaim(ReadOnlySpan<char> t, List<TextSpan> words, int verb)
    {
        if (verb + 1 >= words.Count) return true;
        if (Gap(t, words, verb, verb + 1)) return true;
        var next = t[words[verb + 1].Start..words[verb + 1].End];
        if (next.Equals("that", StringComparison.OrdinalIgnoreCase)) return true;
        // "posted on Twitter", "published in a journal"; but "agreed on a ceasefire", "responded in kind" report nothing.
        return !ThatOnly.Has(t[words[verb].Start..words[verb].End])
            && (next.Equals("on", StringComparison.OrdinalIgnoreCase) || next.Equals("in", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Ambiguous verbs that report a claim only before "that" or punctuation: "agreed to the terms", "recalled 1,000
    /// cars", "stressed the steel", "observed the eclipse", "conceded defeat" report nothing.
    /// </summary>
    private const string ThatOnlyWords =
        "agree agrees agreed recall recalls recalled stress stresses stressed observe observes observed respond responds responded " +
        "concede concedes conceded assert asserts asserted recount recounts recounted caution cautions cautioned " +
        "complain complains complained";

    private static readonly FrozenSet<string> ThatOnly = WordSet.Of(ThatOnlyWords);

    /// <summary>The last word of the run of words from <paramref name="start"/> with nothing but white space between them.</summary>
    private static int SubjectEnd(ReadOnlySpan<char> t, List<TextSpan> words, int start)
    {
        int k = start;
        while (k + 1 < words.Count && !Gap(t, words, k, k + 1)) k++;
        return k;
    }

    /// <summary>Whether the word before a verb (past its auxiliaries) is an organisation, office or document noun.</summary>
    private bool HeadIsBodyOrDocument(ReadOnlySpan<char> t, List<TextSpan> words, int verb)
    {
        int j = verb - 1;
        while (j >= 0 && Auxiliaries.Has(t[words[j].Start..words[j].End])) j--;
        return j >= 0 && KindOf(t[words[j].Start..words[j].End]) != SourceNounKind.None;
    }

    private static bool IsReportParticiple(ReadOnlySpan<char> w) =>
        w.Equals("reported", StringComparison.OrdinalIgnoreCase) || w.Equals("confirmed", StringComparison.OrdinalIgnoreCase)
        || w.Equals("published", StringComparison.OrdinalIgnoreCase) || w.Equals("released", StringComparison.OrdinalIgnoreCase)
        || w.Equals("announced", StringComparison.OrdinalIgnoreCase) || w.Equals("issued", StringComparison.OrdinalIgnoreCase)
        || w.Equals("filed", StringComparison.OrdinalIgnoreCase) || w.Equals("obtained", StringComparison.OrdinalIgnoreCase)
        || w.Equals("provided", StringComparison.OrdinalIgnoreCase) || w.Equals("stated", StringComparison.OrdinalIgnoreCase)
        || w.Equals("polled", StringComparison.OrdinalIgnoreCase) || w.Equals("surveyed", StringComparison.OrdinalIgnoreCase)
        || w.Equals("interviewed", StringComparison.OrdinalIgnoreCase) || w.Equals("commissioned", StringComparison.OrdinalIgnoreCase);

    /// <summary>"said police", "told police": verbs that can be followed by their speaker.</summary>
    private static bool IsSpeechVerbForm(ReadOnlySpan<char> w) => SpeechForms.Has(w);

    private static readonly FrozenSet<string> SpeechForms = WordSet.Of(
        "said says say told tells tell reported added stated confirmed announced wrote explained noted testified tweeted posted");

    /// <summary>"(DW)": a word of two or more capitals alone in brackets.</summary>
    private static bool IsBracketedAbbreviation(ReadOnlySpan<char> t, List<TextSpan> words, int i)
    {
        var w = t[words[i].Start..words[i].End];
        if (w.Length < 2 || w.Length > 8) return false;
        foreach (char c in w) if (!char.IsUpper(c) && !char.IsAsciiDigit(c)) return false;
        int before = words[i].Start - 1, after = words[i].End;
        return before >= 0 && t[before] == '(' && after < t.Length && t[after] == ')';
    }

    /// <summary>Whether only a closing bracket and white space stand between two words.</summary>
    private static bool OnlyClosingBracket(ReadOnlySpan<char> t, List<TextSpan> words, int a, int b) =>
        OnlyMark(t, words[a].End, words[b].Start, ')');

    /// <summary>True when something other than white space stands between two words (a comma, a full stop, a quote mark).</summary>
    private static bool Gap(ReadOnlySpan<char> t, List<TextSpan> words, int a, int b)
    {
        if (a < 0 || b >= words.Count) return true;
        for (int k = words[a].End; k < words[b].Start; k++)
            if (!char.IsWhiteSpace(t[k])) return true;
        return false;
    }

    private static bool OpensSentence(ReadOnlySpan<char> t, List<TextSpan> words, int i, Func<int, bool>? opensSentence)
    {
        if (opensSentence is not null && opensSentence(words[i].Start)) return true;
        if (i == 0) return true;
        for (int k = words[i].Start - 1; k >= words[i - 1].End; k--)
            if (t[k] is '.' or '!' or '?' or ':' or '"' or '\u201C' or '\u2018' or '(' or '\n') return true;
        return false;
    }

    /// <summary>A capitalised word that is a name, not a capital that only opens a sentence.</summary>
    private static bool IsName(ReadOnlySpan<char> t, List<TextSpan> words, int i, Func<int, bool>? opensSentence)
    {
        if (i >= words.Count) return false;
        var w = t[words[i].Start..words[i].End];
        if (!TextWords.StartsUpper(w) || Crowds.Has(w) || FunctionWords.Has(w) || Vague.Has(w)) return false;
        if (!OpensSentence(t, words, i, opensSentence)) return true;
        // A sentence-opening capital is a name when the next word is capitalised too ("Jane Roe said").
        return i + 1 < words.Count && !Gap(t, words, i, i + 1) && TextWords.StartsUpper(t[words[i + 1].Start..words[i + 1].End]);
    }

    /// <summary>
    /// Walks back from a report verb over auxiliaries and up to four words of its subject: a source when the
    /// subject is a name, a pronoun, a body noun, or a document noun with a determiner or a body or name
    /// before it, and does not open with a vague quantifier.
    /// </summary>
    private bool SubjectIsSource(ReadOnlySpan<char> t, List<TextSpan> words, int verb, Func<int, bool>? opensSentence, out int start)
    {
        start = verb;
        int j = verb - 1;
        while (j >= 0 && !Gap(t, words, j, j + 1) && Auxiliaries.Has(t[words[j].Start..words[j].End])) j--;
        // "Deutsche Welle (DW) reported": an abbreviation in brackets after a name is part of the subject.
        if (j >= 1 && IsBracketedAbbreviation(t, words, j) && OnlyClosingBracket(t, words, j, j + 1)
            && IsName(t, words, j - 1, opensSentence))
        {
            start = j - 1;
            while (start > 0 && !Gap(t, words, start - 1, start) && IsName(t, words, start - 1, opensSentence)) start--;
            return true;
        }
        if (j >= 0 && Gap(t, words, j, j + 1))
            return AppositiveSubject(t, words, j, opensSentence, out start);
        if (j < 0) return false;
        var head = t[words[j].Start..words[j].End];
        if (BeForms.Has(head)) return false; // "is said to": a passive has no speaker
        if (Pronouns.Has(head))
        {
            // "it said" is a source; "it is said" was excluded above; "which/who" need a named antecedent before them.
            if (head.Equals("who", StringComparison.OrdinalIgnoreCase) || head.Equals("which", StringComparison.OrdinalIgnoreCase))
            {
                if (j == 0) return false;
                bool named = false;
                for (int k = j - 1; k >= Math.Max(0, j - 4); k--)
                {
                    var p = t[words[k].Start..words[k].End];
                    if (IsName(t, words, k, opensSentence) || KindOf(p) != SourceNounKind.None) { named = true; break; }
                    if (Gap(t, words, k, k + 1) && k < j - 1) break;
                }
                if (!named) return false;
            }
            start = j;
            return true;
        }
        // Collect the subject: up to four words back, stopping at punctuation or a function word.
        bool hasName = false, hasBody = false, hasDocument = false, crowd = false, other = false;
        int determiner = -1;
        int s = j;
        for (int k = j; k >= 0 && k > j - 5; k--)
        {
            var w = t[words[k].Start..words[k].End];
            if (k < j && Gap(t, words, k, k + 1)) break;
            if (Determiners.Has(w)) { determiner = k; s = k; break; }
            if (Vague.Has(w)) return false; // "some officials said", "many believe"
            if (Crowds.Has(w)) { if (k == j) crowd = true; s = k; continue; }
            var kind = KindOf(w);
            if (kind == SourceNounKind.Body) { hasBody = true; s = k; continue; }
            if (kind == SourceNounKind.Document) { hasDocument = true; s = k; continue; }
            // "Smith said" opening a sentence: a capital right before the verb that is no function word is a name.
            if (IsName(t, words, k, opensSentence) || (k == j && TextWords.StartsUpper(w) && !FunctionWords.Has(w)))
            {
                hasName = true; s = k; continue;
            }
            if (TextWords.StartsUpper(w) || FunctionWords.Has(w)) break;
            if (!TextWords.IsLowerCase(w)) break;
            other = true;
            s = k; // a modifier ("county" in "the county coroner") or a noun we do not list ("the man")
        }
        start = s;
        bool definite = determiner >= 0 && !IsIndefinite(t[words[determiner].Start..words[determiner].End]);
        // "the experts said" points back to people already named; "experts said", "a source said" do not.
        if (crowd) return definite && !hasName && !hasBody ? true : hasName || hasBody;
        if (hasName || hasBody) return true;
        if (hasDocument) return determiner >= 0 || s < j;
        // "the man said", "a witness told": a person the article has introduced (not "this training suggests").
        return other && determiner >= 0 && IsSpeechVerbForm(t[words[verb].Start..words[verb].End]);
    }

    /// <summary>Words that open an appositive or a relative clause between a speaker and the verb.</summary>
    private static readonly FrozenSet<string> AppositiveOpeners = WordSet.Of("the a an its his her their who which whose");

    private static readonly FrozenSet<string> SentenceAdverbs = WordSet.Of(
        "yesterday today tomorrow tonight later earlier instead still now then meanwhile finally eventually overall " +
        "separately elsewhere nevertheless nonetheless furthermore moreover besides afterwards afterward again");

    /// <summary>
    /// A subject set off from its verb by an appositive: "Xinhua, the official news agency, reports that",
    /// "Jane Roe, 45, told police", "Smith, who chairs the committee, said". The verb follows a comma; the
    /// words between that comma and the one before it open with a determiner, a relative pronoun or a number
    /// (at most eight words, no other punctuation but a possessive or a hyphen), and the word before the first
    /// comma is a name, an organisation or office, or a document noun. "Critics, however, said" and "In 2004,
    /// the company said" are not appositives: the first has no named subject, the second no comma before the verb.
    /// </summary>
    private bool AppositiveSubject(ReadOnlySpan<char> t, List<TextSpan> words, int last, Func<int, bool>? opensSentence, out int start)
    {
        start = last + 1;
        if (!OnlyComma(t, words[last].End, words[last + 1].Start)) return false;
        int first = last;
        while (first > 0 && last - first < 7 && !Gap(t, words, first - 1, first)) first--;
        if (first == 0 || !OnlyComma(t, words[first - 1].End, words[first].Start)) return false;
        var opener = t[words[first].Start..words[first].End];
        if (!AppositiveOpeners.Has(opener) && !char.IsAsciiDigit(opener[0])) return false;
        int head = first - 1;
        var w = t[words[head].Start..words[head].End];
        if (Vague.Has(w) || Crowds.Has(w) || FunctionWords.Has(w)) return false;
        // A capital that opens the sentence is a one-word name here ("Xinhua, the official news agency, reports")
        // unless it is a sentence adverb ("Yesterday, the ministry, ...").
        bool named = IsName(t, words, head, opensSentence) || KindOf(w) != SourceNounKind.None
            || (TextWords.StartsUpper(w) && !SentenceAdverbs.Has(w) && !w.EndsWith("ly", StringComparison.OrdinalIgnoreCase));
        if (!named) return false;
        start = head;
        while (start > 0 && !Gap(t, words, start - 1, start) && IsName(t, words, start - 1, opensSentence)) start--;
        return true;
    }

    /// <summary>Participles of saying that take the subject of the clause before them: "The ministry denied it, saying …".</summary>
    private static readonly FrozenSet<string> Participles = WordSet.Of(
        "saying adding arguing claiming insisting noting warning explaining stating writing telling asserting " +
        "contending maintaining acknowledging admitting alleging suggesting");

    /// <summary>
    /// A participle of saying after a comma ("…, saying the strike probably hit a warehouse") has the subject of its
    /// sentence as its speaker: a source when the sentence opens with a pronoun ("He criticised the plan, saying …"),
    /// a name ("Jane Roe rejected …", "Xinhua …"), or an organisation or office ("The ministry denied the report,
    /// saying …"), after at most a determiner and two modifiers. "Some officials", "critics" and "it" are not one.
    /// </summary>
    private bool ClauseSubjectIsSource(ReadOnlySpan<char> t, List<TextSpan> words, int participle, Func<int, bool>? opensSentence, out int subject)
    {
        subject = participle;
        int k = participle - 1;
        // The sentence's start: not a colon, a bracket or a quotation mark, which open a sentence for a name's capital
        // ("(Ontario) in 1430, suggesting" is no clause of Ontario's).
        while (k > 0 && opensSentence?.Invoke(words[k].Start) != true && !EndsSentenceBetween(t, words, k - 1, k)) k--;
        if (participle - k < 3) return false;
        var first = t[words[k].Start..words[k].End];
        if (Pronouns.Has(first))
        {
            if (first.Equals("it", StringComparison.OrdinalIgnoreCase) || first.Equals("who", StringComparison.OrdinalIgnoreCase)
                || first.Equals("which", StringComparison.OrdinalIgnoreCase)) return false;
            subject = k;
            return true;
        }
        int head = k;
        if (Determiners.Has(first)) head++;
        for (int m = head; m < participle && m <= head + 2; m++)
        {
            if (m > k && Gap(t, words, m - 1, m)) return false;
            var w = t[words[m].Start..words[m].End];
            if (Vague.Has(w) || Crowds.Has(w)) return false;
            if (KindOf(w) == SourceNounKind.Body) { subject = k; return true; }
            bool name = TextWords.StartsUpper(w) && !FunctionWords.Has(w) && !SentenceAdverbs.Has(w);
            if (!name) continue;
            // "Jane Roe rejected …": a capital that opens the sentence names someone when a verb in lower case follows
            // the name; a capital inside the subject ("The Kremlin denied") always does.
            int end = m;
            while (end + 1 < participle && !Gap(t, words, end, end + 1) && TextWords.StartsUpper(t[words[end + 1].Start..words[end + 1].End])) end++;
            if (end + 1 < participle && TextWords.IsLowerCase(t[words[end + 1].Start..words[end + 1].End])) { subject = k; return true; }
            return false;
        }
        return false;
    }

    private static bool EndsSentenceBetween(ReadOnlySpan<char> t, List<TextSpan> words, int a, int b)
    {
        for (int k = words[a].End; k < words[b].Start; k++)
            if (t[k] is '.' or '!' or '?' or '\n') return true;
        return false;
    }

    /// <summary>Whether the characters between two words are one comma and white space.</summary>
    private static bool OnlyComma(ReadOnlySpan<char> t, int from, int to) => OnlyMark(t, from, to, ',');

    /// <summary>Whether the characters from <paramref name="from"/> to <paramref name="to"/> are one <paramref name="mark"/> and white space.</summary>
    private static bool OnlyMark(ReadOnlySpan<char> t, int from, int to, char mark)
    {
        bool seen = false;
        for (int k = from; k < to; k++)
        {
            if (t[k] == mark && !seen) { seen = true; continue; }
            if (!char.IsWhiteSpace(t[k])) return false;
        }
        return seen;
    }

    private static bool IsIndefinite(ReadOnlySpan<char> w) =>
        w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("an", StringComparison.OrdinalIgnoreCase)
        || w.Equals("one", StringComparison.OrdinalIgnoreCase) || w.Equals("another", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The noun phrase from word <paramref name="i"/> on ("a police report", "court documents", "the museum",
    /// "Reuters", "a criminal complaint filed in Cook County") names a source.
    /// </summary>
    private bool ObjectIsSource(ReadOnlySpan<char> t, List<TextSpan> words, int i, Func<int, bool>? opensSentence, out int end, bool inverted = false)
    {
        end = i;
        if (i >= words.Count) return false;
        int determiner = -1;
        bool hasName = false, hasBody = false, hasDocument = false;
        int modifiers = 0, last = i;
        for (int k = i; k < words.Count && k < i + 6; k++)
        {
            if (k > i && Gap(t, words, k - 1, k)) break;
            var w = t[words[k].Start..words[k].End];
            last = k;
            if (k == i && Determiners.Has(w)) { determiner = k; continue; }
            if (Vague.Has(w)) return false;
            if (Crowds.Has(w))
            {
                // "according to reports", "citing sources": a crowd with no named body or name before it.
                // "military experts", "government sources" are still an unnamed crowd.
                if (!hasName && (determiner < 0 || IsIndefinite(t[words[determiner].Start..words[determiner].End]))) return false;
                end = k;
                return true;
            }
            if (IsName(t, words, k, opensSentence) || (k == i && TextWords.StartsUpper(w) && !FunctionWords.Has(w)))
            {
                hasName = true; end = k; continue;
            }
            var kind = KindOf(w);
            if (kind == SourceNounKind.Body) { hasBody = true; end = k; continue; }
            if (kind == SourceNounKind.Document) { hasDocument = true; end = k; continue; }
            if (hasName || hasBody || hasDocument) break;
            if (!TextWords.IsLowerCase(w) || FunctionWords.Has(w) || ++modifiers > 3) return false;
            end = k;
        }
        if (hasName || hasBody) return true;
        if (hasDocument) return determiner >= 0 || modifiers > 0 || !inverted;
        // "according to the man": a short phrase with a determiner that ends the clause ("said the plan would fail" is not one).
        bool endsClause = last + 1 >= words.Count || Gap(t, words, last, last + 1);
        return !inverted && determiner >= 0 && modifiers is > 0 and <= 2 && endsClause && end == last;
    }
}
