using System.Text;

namespace TextLint.Cli.Tests;

/// <summary>
/// A small approval helper in the manner of Verify (which does not restore here): the approved output
/// is committed as <c>name.verified.ext</c>; a different output is written beside it as
/// <c>name.received.ext</c> (git-ignored) and the test fails with a line diff. To approve, review the
/// diff and move the received file over the verified one — or run with TEXTLINT_ACCEPT=1 to do that
/// for every mismatch, then review with git diff.
/// </summary>
internal static class Approvals
{
    public static void Verify(string actual, string verifiedPath)
    {
        actual = actual.ReplaceLineEndings("\n");
        string receivedPath = verifiedPath.Replace(".verified.", ".received.");
        string? verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).ReplaceLineEndings("\n") : null;
        if (verified == actual)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        if (Environment.GetEnvironmentVariable("TEXTLINT_ACCEPT") == "1" && Environment.GetEnvironmentVariable("CI") is null or "")
        {
            File.WriteAllText(verifiedPath, actual, new UTF8Encoding(false));
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, actual, new UTF8Encoding(false));
        string name = Path.GetFileName(verifiedPath);
        Assert.Fail(verified is null
            ? $"No approved snapshot {name}. Review {receivedPath} and rename it to {name}."
            : $"{name} differs from the output (written to {Path.GetFileName(receivedPath)}). If the change is right, move it over {name}.\n{LineDiff(verified, actual)}");
    }

    /// <summary>A minimal line diff (longest common subsequence) for the failure message.</summary>
    internal static string LineDiff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
            for (int j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var sb = new StringBuilder();
        int x = 0, y = 0, shown = 0;
        while ((x < a.Length || y < b.Length) && shown < 200)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { x++; y++; continue; }
            if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1])) { sb.Append($"-{x + 1}: ").AppendLine(a[x++]); }
            else { sb.Append($"+{y + 1}: ").AppendLine(b[y++]); }
            shown++;
        }
        return sb.ToString();
    }
}
