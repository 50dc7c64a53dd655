using System.Text;
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
/// Vale's patterns are written for regexp2, a port of .NET's engine, so nearly all compile as written.
/// The exceptions are translated: Go's named group <c>(?P&lt;name&gt;…)</c> becomes <c>(?&lt;name&gt;…)</c>,
/// and a POSIX class such as <c>[[:alpha:]]</c> its Unicode equivalent.
/// </summary>
public static class ValeRegex
{
    private static readonly (string Posix, string Net)[] PosixClasses =
    [
        ("[:alpha:]", @"\p{L}"), ("[:digit:]", @"\d"), ("[:alnum:]", @"\p{L}\p{Nd}"), ("[:space:]", @"\s"),
        ("[:upper:]", @"\p{Lu}"), ("[:lower:]", @"\p{Ll}"), ("[:punct:]", @"\p{P}"), ("[:word:]", @"\w"),
    ];

    /// <summary>The match timeout of a Vale pattern run by the backtracking engine.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(10);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, bool), Regex> Wide = new();

    public static string Translate(string pattern)
    {
        if (pattern.Contains("(?P<", StringComparison.Ordinal)) pattern = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
        if (pattern.Contains("[:", StringComparison.Ordinal))
            foreach (var (posix, net) in PosixClasses) pattern = pattern.Replace(posix, net, StringComparison.Ordinal);
        return pattern;
    }

    /// <summary>Compiles a Vale pattern (translated) or returns null with .NET's reason.</summary>
    public static Regex? TryCreate(string pattern, bool ignoreCase, out string? error)
    {
        string translated = Translate(pattern);
        // Vale's patterns run per block (a paragraph, a heading), so the backtracking interpreter's
        // time per match stays bounded. Styles carry alternations of hundreds of phrases (write-good's
        // clichés, alex's profanity list), so their safety net is wider than TextLint's own patterns':
        // the timeout is wall-clock, and a busy machine must not cost a rule its findings.
        var regex = RegexFactory.TryCreate(translated, ignoreCase, out error);
        if (regex is null || regex.MatchTimeout == Regex.InfiniteMatchTimeout) return regex;
        return Wide.GetOrAdd((translated, ignoreCase), _ => new Regex(translated, regex.Options, MatchTimeout));
    }

    /// <summary>Whether a pattern has a capture group (an unescaped '(' that does not open '(?').</summary>
    public static bool HasCaptureGroup(string pattern)
    {
        int opens = Count(pattern, "("), noncap = Count(pattern, "(?") + Count(pattern, @"\(");
        return opens > noncap;
    }

    private static int Count(string s, string sub)
    {
        int n = 0;
        for (int i = s.IndexOf(sub, StringComparison.Ordinal); i >= 0; i = s.IndexOf(sub, i + sub.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    /// <summary>Exceptions and accepted vocabulary as one word-bounded alternation, longest first (Vale's updateExceptions).</summary>
    public static Regex? Exceptions(IEnumerable<string> terms)
    {
        var list = terms.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(t => t.Length).ToList();
        if (list.Count == 0) return null;
        var sb = new StringBuilder(@"(?m)\b(?:");
        sb.Append(string.Join("|", list.Select(Translate)));
        sb.Append(@")\b");
        return RegexFactory.TryCreate(sb.ToString(), false, out _);
    }

    /// <summary>Multi-word accepted phrases, word-bounded: a match inside one is not reported.</summary>
    public static Regex? Phrases(IEnumerable<string> terms)
    {
        var list = terms.Where(t => t.Contains(' ')).Distinct(StringComparer.Ordinal).OrderByDescending(t => t.Length).ToList();
        if (list.Count == 0) return null;
        return RegexFactory.TryCreate(@"(?m)\b(?:" + string.Join("|", list.Select(Translate)) + @")\b", false, out _);
    }
}
