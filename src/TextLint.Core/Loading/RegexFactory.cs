using System.Text.RegularExpressions;

namespace TextLint.Loading;

/// <summary>
/// User patterns come from rule packs written by editors, so a pattern must never be able to hang a run:
/// NonBacktracking (linear time) is used whenever the construct set allows it; patterns that need
/// backtracking features (lookarounds, backreferences, atomic groups) get a match timeout instead.
/// </summary>
public static class RegexFactory
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(500);

    public static Regex? TryCreate(string pattern, bool ignoreCase, out string? error)
    {
        var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        error = null;
        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // falls through to the backtracking engine with a timeout
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
        }
        try
        {
            return new Regex(pattern, options, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
        }
    }
}
