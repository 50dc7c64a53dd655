using System.Globalization;
using TextLint.Diagnostics;
using TextLint.Rules;

namespace TextLint.Output;

/// <summary>
/// --max-results: which results a capped report keeps. The most severe first, then the run's order (file,
/// then position): an active error outranks every warning, and every active finding outranks a
/// suppressed or baselined one, which no reader acts on. GitHub code scanning rejects a whole run of more
/// than 25,000 results, and of the rest keeps the most severe, so SARIF logs are never longer than that.
/// </summary>
public static class ResultCap
{
    /// <summary>GitHub code scanning's hard limit on results per run: a longer run is rejected whole.</summary>
    public const int SarifLimit = 25_000;

    /// <summary>The number of ranks: error, warning, note, none; each active, then suppressed or baselined.</summary>
    public const int RankCount = 8;

    private static readonly string[] RankNames = ["error", "warning", "note", "hidden result", "suppressed or baselined error", "suppressed or baselined warning", "suppressed or baselined note", "suppressed or baselined hidden result"];

    /// <summary>0 for the most important result (an active error), <see cref="RankCount"/> - 1 for the least.</summary>
    public static int Rank(Diagnostic d)
    {
        int severity = d.Severity switch
        {
            Severity.Error => 0,
            Severity.Warning => 1,
            Severity.Info => 2,
            _ => 3,
        };
        return d.IsActive ? severity : 4 + severity;
    }

    /// <summary>How many results of each rank a cap of <paramref name="max"/> leaves out, given how many the run had.</summary>
    public static long[] LeftOut(IReadOnlyList<long> counts, int max)
    {
        var left = new long[counts.Count];
        long room = max;
        for (int r = 0; r < counts.Count; r++)
        {
            long kept = Math.Min(room, counts[r]);
            left[r] = counts[r] - kept;
            room -= kept;
        }
        return left;
    }

    /// <summary>
    /// TL9080 when a SARIF log of a run with these results per rank leaves some out under the cap; null
    /// when everything fits. The message depends only on the counts and the cap, so <c>merge</c> writes
    /// the same one for the joined shards as one run writes.
    /// </summary>
    public static ConfigurationDiagnostic? SarifNotification(IReadOnlyList<long> counts, int max)
    {
        long total = counts.Sum();
        if (total <= max) return null;
        var left = LeftOut(counts, max);
        var parts = new List<string>();
        for (int r = 0; r < left.Length; r++)
            if (left[r] > 0) parts.Add($"{N(left[r])} {RankNames[r]}{(left[r] == 1 ? "" : "s")}");
        string message = $"{N(total)} results are over the limit of {N(max)} (--max-results; code scanning rejects a run of more than {N(SarifLimit)}): "
            + $"{N(total - max)} of the least severe were left out of the SARIF log ({string.Join(", ", parts)}); the exit code counts them all";
        return new ConfigurationDiagnostic(NotificationCodes.ResultsLeftOut, Severity.Warning, "", 0, 0, message);
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>
/// The <c>max</c> highest-ranked items of a stream, in the stream's order, held in memory bounded by
/// <c>max</c> rather than by the stream: an item that can no longer make the cut is dropped as it comes
/// (or evicts the latest kept item of the lowest rank). Ranks: lower is more important.
/// </summary>
public sealed class TopRanked<T>
{
    private readonly int _max;
    private readonly int _ranks;
    private List<(int Rank, T Item, bool Kept)> _items = new();
    private readonly Stack<int>[] _byRank;
    private int _kept;

    public TopRanked(int max, int ranks)
    {
        _max = Math.Max(0, max);
        _ranks = ranks;
        _byRank = new Stack<int>[ranks];
        for (int r = 0; r < ranks; r++) _byRank[r] = new Stack<int>();
        Counts = new long[ranks];
        LeftOut = new long[ranks];
    }

    /// <summary>Every item offered, per rank.</summary>
    public long[] Counts { get; }

    /// <summary>The items left out so far, per rank.</summary>
    public long[] LeftOut { get; }

    /// <summary>
    /// Whether an item of <paramref name="rank"/> offered now would be kept (<see cref="Add(int, T)"/> only counts one
    /// that would not), so a caller can spare making an item that cannot make the cut.
    /// </summary>
    public bool Keeps(int rank) => _kept < _max || rank < LowestKeptRank();

    /// <summary>
    /// The rank from which no item offered from now on can be kept (<see cref="Keeps"/> is false for it and
    /// every less important one): the least important kept rank once the cap is full, <c>ranks</c> before.
    /// It only ever falls, so a caller that read it earlier may still rely on it.
    /// </summary>
    public int RejectsFrom => _kept < _max ? _ranks : Math.Max(LowestKeptRank(), 0);

    /// <summary>The least important rank among the kept items; -1 when none is kept.</summary>
    private int LowestKeptRank()
    {
        int lowest = _ranks - 1;
        while (lowest >= 0 && _byRank[lowest].Count == 0) lowest--;
        return lowest;
    }

    public void Add(int rank, T item) => Add(rank, item, out _);

    /// <summary>Offers an item; <paramref name="evicted"/> is the kept item it pushed out, if it did (and true is returned).</summary>
    public bool Add(int rank, T item, out T evicted)
    {
        evicted = default!;
        Counts[rank]++;
        bool evicts = _kept >= _max;
        if (evicts)
        {
            int lowest = LowestKeptRank();
            // Equal rank: the newcomer is later in the stream's order than every kept item of its rank.
            if (lowest < 0 || rank >= lowest)
            {
                LeftOut[rank]++;
                return false;
            }
            int slot = _byRank[lowest].Pop();
            evicted = _items[slot].Item;
            _items[slot] = (lowest, default!, false);
            LeftOut[lowest]++;
            _kept--;
        }
        _byRank[rank].Push(_items.Count);
        _items.Add((rank, item, true));
        _kept++;
        if (_items.Count > 2 * _max + 1024) Compact();
        return evicts;
    }

    /// <summary>The kept items in the order they were added.</summary>
    public IEnumerable<T> Kept => _items.Where(i => i.Kept).Select(i => i.Item);

    /// <summary>Replaces each kept item with what <paramref name="map"/> makes of it, in the stream's order (a holder moving its items' storage).</summary>
    public void MapKept(Func<T, T> map)
    {
        for (int i = 0; i < _items.Count; i++)
            if (_items[i].Kept) _items[i] = _items[i] with { Item = map(_items[i].Item) };
    }

    /// <summary>Drops the slots of evicted items, so memory follows the kept items, not the stream.</summary>
    private void Compact()
    {
        _items = _items.Where(i => i.Kept).ToList();
        foreach (var s in _byRank) s.Clear();
        for (int i = 0; i < _items.Count; i++) _byRank[_items[i].Rank].Push(i);
    }
}
