using System.Text.RegularExpressions;
using TextLint.Text;

namespace TextLint.Matching;

/// <summary>Runs a user regex over a text, turning a match timeout into an exception that names nothing but the pattern.</summary>
public static class PatternRunner
{
    public static IEnumerable<TextSpan> Matches(LazyRegex regex, string text) => Matches(regex.Value, text);

    /// <summary>Whether the regex matches somewhere in the span.</summary>
    public static bool IsMatch(Regex regex, ReadOnlySpan<char> text)
    {
        try { return regex.IsMatch(text); }
        catch (RegexMatchTimeoutException ex) { throw new RuleTimeoutException(regex.ToString(), ex); }
    }

    public static IEnumerable<TextSpan> Matches(Regex regex, string text)
    {
        var list = new List<TextSpan>();
        try
        {
            foreach (var vm in regex.EnumerateMatches(text))
            {
                if (vm.Length > 0) list.Add(new TextSpan(vm.Index, vm.Length));
            }
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new RuleTimeoutException(regex.ToString(), ex);
        }
        return list;
    }
}

/// <summary>A rule's regex exceeded its match timeout on a document; the engine turns this into a notification.</summary>
public sealed class RuleTimeoutException(string pattern, Exception inner)
    : Exception($"The pattern '{pattern}' timed out.", inner)
{
    public string Pattern { get; } = pattern;
}
