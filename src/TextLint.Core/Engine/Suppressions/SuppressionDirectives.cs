using System.Collections.Immutable;
using TextLint.Documents;
using TextLint.Text;

namespace TextLint.Engine.Suppressions;

public enum DirectiveKind { Disable, Enable, DisableNextLine }

/// <summary>A rule ID or category named by a directive; <see cref="Name"/> is the loaded rule's or category's own spelling.</summary>
public sealed record DirectiveTarget(string Name, bool IsCategory, TextSpan Span);

/// <summary>
/// One in-source directive: <c>&lt;!-- textlint-disable [ID|Category ...] [-- reason] --&gt;</c>, alone on
/// its line. No targets means every rule. <see cref="Line"/> is 0-based.
/// </summary>
public sealed record SuppressionDirective(DirectiveKind Kind, int Line, TextSpan Span, ImmutableArray<DirectiveTarget> Targets, string? Reason)
{
    public bool AllRules => Targets.IsEmpty;
}

/// <summary>A comment that looks like a directive but is not a valid one; reported by TL0002.</summary>
public sealed record DirectiveProblem(TextSpan Span, string Message);

/// <summary>The directives of a document, its malformed ones, and the spans of every directive comment (valid or not).</summary>
public sealed record DirectiveParseResult(ImmutableArray<SuppressionDirective> Directives, ImmutableArray<DirectiveProblem> Problems, ImmutableArray<TextSpan> CommentSpans)
{
    public static readonly DirectiveParseResult Empty = new([], [], []);
}

/// <summary>Resolves a name written in a directive to a loaded rule ID or category (case-insensitively), with a hint when unknown.</summary>
public interface ISuppressionTargets
{
    /// <summary>The canonical spelling and whether it is a category, or null when no loaded rule or category has that name.</summary>
    (string Name, bool IsCategory)? Resolve(string name);

    /// <summary>A close known name for an unknown one, or null.</summary>
    string? Suggest(string name);
}

/// <summary>
/// Reads suppression directives from the SOURCE text (not the prose view), the same for plain text and
/// Markdown: a directive is an HTML comment alone on its line. In Markdown, lines inside fenced code
/// blocks and indented code (4+ spaces) are code, not directives, so a document that shows the syntax
/// does not suppress anything.
/// </summary>
public static class SuppressionParser
{
    public const string Prefix = "textlint-";
    private const string Open = "<!--";
    private const string Close = "-->";

    public static DirectiveParseResult Parse(Document document, ISuppressionTargets targets)
    {
        string text = document.Source.Text;
        // Most articles have no directive: one vectorised search decides.
        if (text.IndexOf(Prefix, StringComparison.Ordinal) < 0) return DirectiveParseResult.Empty;

        bool markdown = document.Format == DocumentFormat.Markdown;
        var lines = document.Source.Lines;
        var directives = ImmutableArray.CreateBuilder<SuppressionDirective>();
        var problems = ImmutableArray.CreateBuilder<DirectiveProblem>();
        var comments = ImmutableArray.CreateBuilder<TextSpan>();
        char fence = '\0';
        int fenceLength = 0;
        for (int line = 0; line < lines.LineCount; line++)
        {
            var lineSpan = lines.GetLineSpan(line, text);
            var content = text.AsSpan(lineSpan.Start, lineSpan.Length);
            int indent = content.Length - content.TrimStart().Length;
            var trimmed = content.Trim();
            if (markdown)
            {
                if (TrackFence(trimmed, indent, ref fence, ref fenceLength) || fence != '\0' || indent >= 4) continue;
            }
            if (!trimmed.StartsWith(Open, StringComparison.Ordinal) || !trimmed.EndsWith(Close, StringComparison.Ordinal)
                || trimmed.Length < Open.Length + Close.Length)
                continue;
            int commentStart = lineSpan.Start + indent;
            var comment = new TextSpan(commentStart, trimmed.Length);
            int innerStart = commentStart + Open.Length;
            var inner = text.AsSpan(innerStart, trimmed.Length - Open.Length - Close.Length);
            int lead = inner.Length - inner.TrimStart().Length;
            var body = inner.Trim();
            if (!body.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            comments.Add(comment);
            ParseBody(text, innerStart + lead, body.Length, line, comment, targets, directives, problems);
        }
        return new DirectiveParseResult(directives.ToImmutable(), problems.ToImmutable(), comments.ToImmutable());
    }

    private static void ParseBody(string text, int start, int length, int line, TextSpan comment, ISuppressionTargets known,
        ImmutableArray<SuppressionDirective>.Builder directives, ImmutableArray<DirectiveProblem>.Builder problems)
    {
        var body = text.AsSpan(start, length);
        int wordEnd = body.IndexOfAny(' ', '\t');
        if (wordEnd < 0) wordEnd = body.Length;
        string word = body[..wordEnd].ToString();
        DirectiveKind kind;
        switch (word)
        {
            case "textlint-disable": kind = DirectiveKind.Disable; break;
            case "textlint-enable": kind = DirectiveKind.Enable; break;
            case "textlint-disable-next-line": kind = DirectiveKind.DisableNextLine; break;
            default:
                problems.Add(new DirectiveProblem(comment,
                    $"Unknown directive '{word}'; use textlint-disable, textlint-enable or textlint-disable-next-line."));
                return;
        }

        // "-- reason" ends the list of targets: the first "--" at the start of a word.
        int restStart = wordEnd;
        var rest = body[restStart..];
        int reasonAt = -1;
        for (int i = 0; i + 1 < rest.Length; i++)
        {
            if (rest[i] == '-' && rest[i + 1] == '-' && (i == 0 || char.IsWhiteSpace(rest[i - 1]))) { reasonAt = i; break; }
        }
        string? reason = null;
        if (reasonAt >= 0)
        {
            var r = rest[(reasonAt + 2)..].Trim();
            reason = r.IsEmpty ? null : r.ToString();
            rest = rest[..reasonAt];
        }

        var targets = ImmutableArray.CreateBuilder<DirectiveTarget>();
        bool anyInvalid = false;
        int offset = start + restStart;
        int k = 0;
        while (k < rest.Length)
        {
            if (char.IsWhiteSpace(rest[k]) || rest[k] == ',') { k++; continue; }
            int tokenStart = k;
            while (k < rest.Length && !char.IsWhiteSpace(rest[k]) && rest[k] != ',') k++;
            string name = rest[tokenStart..k].ToString();
            var span = new TextSpan(offset + tokenStart, k - tokenStart);
            if (known.Resolve(name) is { } resolved)
            {
                targets.Add(new DirectiveTarget(resolved.Name, resolved.IsCategory, span));
            }
            else
            {
                anyInvalid = true;
                string? hint = known.Suggest(name);
                problems.Add(new DirectiveProblem(span, $"'{name}' is not the ID or category of a loaded rule" + (hint is null ? "." : $"; did you mean '{hint}'?")));
            }
        }
        // A directive whose only names are wrong must not turn into "every rule".
        if (anyInvalid && targets.Count == 0) return;
        directives.Add(new SuppressionDirective(kind, line, comment, targets.ToImmutable(), reason));
    }

    /// <summary>CommonMark fences: ``` or ~~~ (3+), indented at most 3 spaces; closed by the same character, at least as long.</summary>
    private static bool TrackFence(ReadOnlySpan<char> trimmed, int indent, ref char fence, ref int fenceLength)
    {
        if (indent >= 4 || trimmed.Length < 3 || (trimmed[0] != '`' && trimmed[0] != '~')) return false;
        char c = trimmed[0];
        int n = 0;
        while (n < trimmed.Length && trimmed[n] == c) n++;
        if (n < 3) return false;
        if (fence == '\0')
        {
            fence = c;
            fenceLength = n;
            return true;
        }
        if (c == fence && n >= fenceLength && trimmed[n..].Trim().IsEmpty)
        {
            fence = '\0';
            return true;
        }
        return false;
    }
}
