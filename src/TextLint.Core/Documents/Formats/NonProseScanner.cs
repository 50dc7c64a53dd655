namespace TextLint.Documents.Formats;

/// <summary>
/// Finds what reads as an address rather than as words — URLs, e-mail addresses, file paths — in a
/// prose view and blanks it, so that a slug such as <c>/news/regime-change-explained</c> or
/// <c>https://example.com/kiev-regime</c> never triggers a rule about labels or spellings. Used by both
/// the plain-text and the Markdown readers (Markdown prose has bare URLs too).
/// <para>
/// A hand-written, linear token classifier rather than a regex: each run of non-white-space characters is
/// trimmed of the punctuation that surrounds it in a sentence, then judged as a whole. The rules are
/// conservative on purpose: "and/or", "he/she/they", "24/7", "km/h" and dates stay prose; only tokens
/// that cannot be words are blanked.
/// </para>
/// </summary>
internal static class NonProseScanner
{
    /// <summary>Blanks every URL, e-mail address and path in <paramref name="prose"/> (line breaks are never touched).</summary>
    public static void Blank(Span<char> prose)
    {
        // Every address holds '/', '@', '\\' or "www.", and nearly all tokens of prose hold none: find
        // those marks with vectorized searches over the whole text, and judge only the tokens around them
        // (a token is a maximal run of non-separators, whichever of its characters was found).
        int i = 0;
        int nextWww = -2; // -2: not searched yet from here; -1: none left
        while (i < prose.Length)
        {
            int mark = prose[i..].IndexOfAny(AddressMarks);
            if (mark >= 0) mark += i;
            if (nextWww != -1 && nextWww < i)
            {
                nextWww = prose[i..].IndexOfAny(Www);
                if (nextWww >= 0) nextWww += i;
            }
            int hit = mark < 0 ? nextWww : nextWww < 0 ? mark : Math.Min(mark, nextWww);
            if (hit < 0) return;
            int start = hit, end = hit;
            while (start > 0 && !IsSeparator(prose[start - 1])) start--;
            while (end < prose.Length && !IsSeparator(prose[end])) end++;
            var (s, e) = Classify(prose[start..end]);
            if (e > s) prose.Slice(start + s, e - s).Fill(' ');
            i = end;
        }
    }

    /// <summary>False when <see cref="Blank"/> would leave the text as it is: it holds none of the marks every address has.</summary>
    public static bool MayHoldAddress(ReadOnlySpan<char> text) => text.IndexOfAny(AddressMarks) >= 0 || text.IndexOfAny(Www) >= 0;

    private static readonly System.Buffers.SearchValues<char> AddressMarks = System.Buffers.SearchValues.Create("/@\\");
    private static readonly System.Buffers.SearchValues<string> Www = System.Buffers.SearchValues.Create(["www."], StringComparison.OrdinalIgnoreCase);

    // '|' too: in Markdown it is the separator kept between table cells, and a URL has no bare '|'.
    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c == '|';

    /// <summary>The part of a token that is an address, as [start, end) within the token; (0, 0) when it is words.</summary>
    internal static (int Start, int End) Classify(ReadOnlySpan<char> token)
    {
        // Cheap exit for the great majority of tokens: every address has one of these.
        if (token.IndexOfAny('/', '@', '\\') < 0 && token.IndexOf("www.", StringComparison.OrdinalIgnoreCase) < 0) return default;

        int s = 0, e = token.Length;
        while (s < e && LeadingPunctuation.Contains(token[s])) s++;
        e = TrimTrailing(token, s, e);
        if (e <= s) return default;
        var t = token[s..e];

        int scheme = t.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            int b = scheme;
            while (b > 0 && IsSchemeChar(t[b - 1])) b--;
            // A scheme starts with a letter ("https", "svn+ssh"); anything before it ("Source:") stays prose.
            while (b < scheme && !char.IsAsciiLetter(t[b])) b++;
            if (b < scheme) return (s + b, e);
        }
        if (t.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && t.Length > 7) return (s, e);
        if (StartsWithWww(t, 0)) return (s, e);

        int at = t.IndexOf('@');
        if (at > 0 && EmailAt(t, at) is (int es, int ee)) return (s + es, s + ee);

        if (IsWindowsPath(t) || IsPosixPath(t) || IsDomainPath(t) || IsRelativePath(t)) return (s, e);
        return default;
    }

    private const string LeadingPunctuation = "([{<\"'«“‘„‹「『（【*_";
    private const string TrailingPunctuation = ".,;:!?)]}>\"'»”’›…。，、；：！？）」』】*_";

    private static int TrimTrailing(ReadOnlySpan<char> token, int s, int e)
    {
        while (e > s && TrailingPunctuation.Contains(token[e - 1]))
        {
            // Keep a closing bracket that closes one inside the address (Wikipedia's "..._(disambiguation)").
            char c = token[e - 1];
            if (c is ')' or ']' && Count(token[s..(e - 1)], c == ')' ? '(' : '[') > Count(token[s..(e - 1)], c)) break;
            e--;
        }
        return e;
    }

    private static int Count(ReadOnlySpan<char> span, char c)
    {
        int n = 0;
        foreach (char x in span) if (x == c) n++;
        return n;
    }

    private static bool IsSchemeChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.';

    private static bool StartsWithWww(ReadOnlySpan<char> t, int at) =>
        t.Length > at + 4 && t[at..].StartsWith("www.", StringComparison.OrdinalIgnoreCase) && IsDomainChar(t[at + 4]);

    private static bool IsDomainChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';

    private static bool IsEmailLocalChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    /// <summary>local@domain.tld around the '@' at <paramref name="at"/>: ASCII local part, dotted domain, a letter TLD of two or more.</summary>
    private static (int, int)? EmailAt(ReadOnlySpan<char> t, int at)
    {
        int b = at;
        while (b > 0 && IsEmailLocalChar(t[b - 1])) b--;
        if (b == at) return null;
        int e = at + 1;
        while (e < t.Length && (IsDomainChar(t[e]) || t[e] == '.')) e++;
        while (e > at + 1 && t[e - 1] == '.') e--;
        var domain = t[(at + 1)..e];
        int dot = domain.LastIndexOf('.');
        if (dot <= 0 || domain.Length - dot - 1 < 2) return null;
        foreach (char c in domain[(dot + 1)..]) if (!char.IsAsciiLetter(c)) return null;
        return (b, e);
    }

    /// <summary>C:\folder\file or \\server\share.</summary>
    private static bool IsWindowsPath(ReadOnlySpan<char> t) =>
        (t.Length > 3 && char.IsAsciiLetter(t[0]) && t[1] == ':' && t[2] == '\\')
        || (t.Length > 2 && t[0] == '\\' && t[1] == '\\' && IsPathChar(t[2]));

    private static bool IsPathChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '~' or '%' or '+' or '@' or '=' or ',' or '#' or '&' or '?' or ':' or ';' or '!' or '$' or '\'' or '(' or ')';

    /// <summary>
    /// /a/b, /file.ext, ./x, ../x, ~/x. A lone "/word" stays prose (it is as often a typed emphasis or a
    /// Reddit-style aside as a path); two segments or an extension make it a path.
    /// </summary>
    private static bool IsPosixPath(ReadOnlySpan<char> t)
    {
        ReadOnlySpan<char> rest;
        if (t.StartsWith("./") || t.StartsWith("~/")) rest = t[2..];
        else if (t.StartsWith("../")) rest = t[3..];
        else if (t.Length > 1 && t[0] == '/' && t[1] != '/') rest = t[1..];
        else return false;
        if (rest.IsEmpty || !AllSegmentsArePathLike(rest, out int segments, out bool extension)) return false;
        return t[0] != '/' || segments >= 2 || extension;
    }

    /// <summary>bbc.co.uk/news/... : a dotted host name with a letter TLD, then a path.</summary>
    private static bool IsDomainPath(ReadOnlySpan<char> t)
    {
        int slash = t.IndexOf('/');
        if (slash <= 0) return false;
        var host = t[..slash];
        int labels = 0, lastStart = 0;
        for (int i = 0; i <= host.Length; i++)
        {
            if (i == host.Length || host[i] == '.')
            {
                if (i == lastStart) return false;
                labels++;
                lastStart = i + 1;
            }
            else if (!IsDomainChar(host[i])) return false;
        }
        if (labels < 2) return false;
        var tld = host[(host.LastIndexOf('.') + 1)..];
        if (tld.Length < 2) return false;
        foreach (char c in tld) if (!char.IsAsciiLetter(c)) return false;
        return true;
    }

    /// <summary>
    /// news/2024/regime-change or docs/guide.md: a relative path needs an extension, or three or more
    /// segments of which one has a '-', '_' or digit — so "he/she/they" and "either/or" stay prose.
    /// </summary>
    private static bool IsRelativePath(ReadOnlySpan<char> t)
    {
        if (t.IndexOf('/') <= 0) return false;
        if (!AllSegmentsArePathLike(t, out int segments, out bool extension)) return false;
        if (extension) return true;
        if (segments < 3) return false;
        bool letter = false, marked = false, allDigitsOrSlash = true;
        foreach (char c in t)
        {
            if (char.IsLetter(c)) letter = true;
            if (c is '-' or '_' || char.IsDigit(c)) marked = true;
            if (c != '/' && !char.IsDigit(c)) allDigitsOrSlash = false;
        }
        return letter && marked && !allDigitsOrSlash;
    }

    /// <summary>Every '/'-separated segment (a trailing '/' allowed) is made of path characters.</summary>
    private static bool AllSegmentsArePathLike(ReadOnlySpan<char> path, out int segments, out bool extension)
    {
        segments = 0;
        extension = false;
        if (path.EndsWith("/")) path = path[..^1];
        if (path.IsEmpty) return false;
        foreach (var range in path.Split('/'))
        {
            var seg = path[range];
            if (seg.IsEmpty) return false;
            foreach (char c in seg) if (!IsPathChar(c)) return false;
            segments++;
            extension = HasExtension(seg);
        }
        return true;
    }

    /// <summary>name.ext where ext is 1-5 ASCII letters or digits with at least one letter ("guide.md", "report.pdf").</summary>
    private static bool HasExtension(ReadOnlySpan<char> segment)
    {
        int dot = segment.LastIndexOf('.');
        if (dot <= 0 || dot == segment.Length - 1) return false;
        var ext = segment[(dot + 1)..];
        if (ext.Length > 5) return false;
        bool letter = false;
        foreach (char c in ext)
        {
            if (!char.IsAsciiLetterOrDigit(c)) return false;
            letter |= char.IsAsciiLetter(c);
        }
        return letter;
    }
}
