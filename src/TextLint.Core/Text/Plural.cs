namespace TextLint.Text;

/// <summary>English counts in messages: "1 rule", "3 rules", "2 fixes were".</summary>
public static class Plural
{
    /// <summary><c>1 {one}</c>, or <c>{n} {many}</c> (by default <paramref name="one"/> plus "s").</summary>
    public static string Count(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n} {many ?? one + "s"}";
}
