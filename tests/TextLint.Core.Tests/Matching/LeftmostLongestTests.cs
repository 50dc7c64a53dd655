using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Core.Tests.Matching;

public class LeftmostLongestTests
{
    [Fact]
    public void Sort_ByStart_LongestFirst()
    {
        var spans = new List<TextSpan> { new(5, 2), new(0, 3), new(5, 4), new(0, 1) };
        LeftmostLongest.Sort(spans);
        Assert.Equal([new TextSpan(0, 3), new TextSpan(0, 1), new TextSpan(5, 4), new TextSpan(5, 2)], spans);
    }

    [Fact]
    public void Taken_KeepsNonOverlappingMatches_InOrder()
    {
        var spans = new List<TextSpan> { new(0, 5), new(2, 2), new(5, 1), new(5, 3), new(9, 1) };
        LeftmostLongest.Sort(spans);
        var taken = new LeftmostLongest.Taken();
        var kept = new List<TextSpan>();
        foreach (var span in spans)
            if (taken.TryTake(span)) kept.Add(span);
        Assert.Equal([new TextSpan(0, 5), new TextSpan(5, 3), new TextSpan(9, 1)], kept);
    }

    [Fact]
    public void Overlaps_WithoutTake_DoesNotBlock()
    {
        var taken = new LeftmostLongest.Taken();
        Assert.False(taken.Overlaps(new TextSpan(0, 4)));
        // A match tested but not taken (an exception) leaves the next one free.
        Assert.True(taken.TryTake(new TextSpan(1, 2)));
        Assert.True(taken.Overlaps(new TextSpan(2, 1)));
        Assert.False(taken.Overlaps(new TextSpan(3, 1)));
    }
}
