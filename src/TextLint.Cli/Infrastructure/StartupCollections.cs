namespace TextLint.Cli.Infrastructure;

/// <summary>
/// Start-up allocates ~30 MB that nearly all stays live until the process ends: the packs' YAML trees,
/// the literal automaton, the first document's regexes. The runtime's first budgets are far smaller, so
/// a short run used to pay for a full, compacting collection that freed nothing (5–9 ms of CPU in a ~60 ms
/// run, measured; docs/benchmarks.md). The process therefore starts in a no-GC region: a small run
/// ends without any collection, and a long one leaves the region at its first collection, after which
/// the runtime's usual tuning applies.
/// </summary>
internal static class StartupCollections
{
    /// <summary>Allocation allowed before the first collection: start-up with room to spare.</summary>
    public const long Budget = 48L * 1024 * 1024;

    /// <summary>Called once, first thing in the process (never from in-process callers such as the tests).</summary>
    public static void Defer()
    {
        try
        {
            // disallowFullBlockingGC: if the memory is not there without collecting, skip the region.
            GC.TryStartNoGCRegion(Budget, disallowFullBlockingGC: true);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // A heap limit smaller than the budget (a small container), or a region already open:
            // start-up simply runs with the runtime's own budgets.
        }
    }
}
