using System.Text.RegularExpressions;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Rules;
using TextLint.Yaml;
using TextLint.Matching;
using TextLint.Text;
using TextLint.Diagnostics;

namespace TextLint.Loading.Vale;

/// <summary>Vale's <c>$title</c> and <c>$sentence</c> checks: the share of words in the expected case must exceed a threshold.</summary>
public static class ValeCase
{
    private static readonly HashSet<string> SmallWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "and", "as", "at", "but", "by", "en", "for", "if", "in", "nor", "of", "on", "or", "per", "the", "to", "v", "v.", "vs", "vs.", "via", "from", "into", "with", "up", "off", "out", "over", "so", "yet",
    };

    private static readonly HashSet<string> ChicagoSmall = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "and", "as", "at", "but", "by", "for", "if", "in", "nor", "of", "on", "or", "the", "to", "v", "v.", "vs", "vs.", "via", "up", "so", "yet",
        "about", "above", "across", "after", "against", "along", "among", "around", "before", "behind", "below", "beneath", "beside", "between", "beyond", "down",
        "during", "except", "from", "inside", "into", "like", "near", "off", "onto", "out", "outside", "over", "past", "since", "through", "throughout", "till", "toward",
        "under", "underneath", "until", "upon", "with", "within", "without",
    };

    private static string[] Words(string s) => s.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Text with every accepted term masked, so exceptions count as correct words.</summary>
    private static (string Text, int Masked) Mask(string s, Regex? except)
    {
        if (except is null) return (s, 0);
        int masked = 0;
        string text = except.Replace(s, m => { masked++; return new string('\u0001', Math.Max(1, m.Length)); });
        return (text, masked);
    }

    public static bool IsTitle(string s, Regex? except, string style, double threshold)
    {
        var small = style == "Chicago" ? ChicagoSmall : SmallWords;
        var (text, _) = Mask(s, except);
        var words = Words(text);
        if (words.Length == 0) return true;
        double ok = 0, count = 0;
        for (int i = 0; i < words.Length; i++)
        {
            string w = words[i];
            count++;
            char first = FirstLetter(w);
            if (w.Contains('\u0001') || first == '\0') { ok++; continue; }
            bool edge = i == 0 || i == words.Length - 1 || (i > 0 && words[i - 1].EndsWith(':'));
            string bare = w.Trim('(', ')', '"', '\'', ',', '.', ':', ';', '!', '?');
            if (!edge && small.Contains(bare)) { if (char.IsLower(first)) ok++; continue; }
            if (char.IsUpper(first) || HasInnerUpper(w)) ok++;
        }
        return ok / count > threshold || Math.Abs(ok / count - threshold) < 1e-9 && threshold >= 1;
    }

    public static bool IsSentence(string s, IReadOnlyList<string> indicators, Regex? except, double threshold)
    {
        var (text, _) = Mask(s, except);
        var words = Words(text);
        if (words.Length == 0) return true;
        double ok = 0, count = 0;
        string prev = "";
        bool seenWord = false;
        for (int i = 0; i < words.Length; i++)
        {
            string w = words[i];
            count++;
            char first = FirstLetter(w);
            if (w.Contains('\u0001') || first == '\0') { ok++; prev = w; if (w.Contains('\u0001')) seenWord = true; continue; }
            bool afterIndicator = i > 0 && indicators.Any(ind => prev.EndsWith(ind, StringComparison.Ordinal));
            if (!seenWord || afterIndicator)
            {
                if (char.IsUpper(first) || afterIndicator) ok++;
            }
            else if (w == w.ToLowerInvariant() || IsAllUpper(w)) ok++;
            prev = w;
            seenWord = true;
        }
        return ok / count > threshold;
    }

    private static char FirstLetter(string w)
    {
        foreach (char c in w)
            if (char.IsLetter(c)) return c;
        return '\0';
    }

    // "iOS", "macOS", "JavaScript": a capital after the first letter marks a name, not a title-cased word.
    private static bool HasInnerUpper(string w)
    {
        bool seenLetter = false;
        foreach (char c in w)
        {
            if (!char.IsLetter(c)) continue;
            if (seenLetter && char.IsUpper(c)) return true;
            seenLetter = true;
        }
        return false;
    }

    private static bool IsAllUpper(string w) => w.Any(char.IsLetter) && w.Where(char.IsLetter).All(char.IsUpper);
}
