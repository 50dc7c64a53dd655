using System.Buffers;
using System.Text.Json;

namespace TextLint.Output.Sarif;

/// <summary>
/// A byte buffer and a JSON writer over it in <see cref="SarifWriter.Options"/>, one kept per thread and
/// reused from file to file by <see cref="SarifWriter"/>'s rendering. A fresh buffer per file grew by
/// doubling to the file's size, a new array and a copy at each step (large-object-heap arrays for a file
/// with many results), and that garbage was most of what writing SARIF cost the garbage collector. A
/// buffer that grew past <see cref="MaxKeptCapacity"/> (a file with very many results) is let go when
/// returned, so no thread holds that much memory for the rest of the run.
/// </summary>
internal sealed class RenderBuffer
{
    /// <summary>The largest buffer a thread keeps between files.</summary>
    public const int MaxKeptCapacity = 1 << 20;

    private const int InitialCapacity = 16 * 1024;

    [ThreadStatic] private static RenderBuffer? t_free;

    private readonly ArrayBufferWriter<byte> _bytes = new(InitialCapacity);

    private RenderBuffer() => Writer = new Utf8JsonWriter(_bytes, SarifWriter.Options);

    /// <summary>The writer, at the start of an empty buffer.</summary>
    public Utf8JsonWriter Writer { get; }

    /// <summary>What the writer has flushed so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _bytes.WrittenSpan;

    public int Capacity => _bytes.Capacity;

    /// <summary>This thread's buffer, emptied, or a new one; give it back with <see cref="Return"/>.</summary>
    public static RenderBuffer Rent()
    {
        // Taken out while in use: a second Rent on this thread before the Return gets a buffer of its own.
        var buffer = t_free ?? new RenderBuffer();
        t_free = null;
        buffer._bytes.ResetWrittenCount();
        buffer.Writer.Reset(buffer._bytes); // also forgets a half-written value left by an exception
        return buffer;
    }

    /// <summary>Keeps <paramref name="buffer"/> for this thread's next <see cref="Rent"/>, unless it grew too large.</summary>
    public static void Return(RenderBuffer buffer)
    {
        if (buffer.Capacity <= MaxKeptCapacity) t_free = buffer;
    }
}
