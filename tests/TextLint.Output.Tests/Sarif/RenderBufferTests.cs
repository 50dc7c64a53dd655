using System.Text;
using System.Text.Json;
using TextLint.Output.Sarif;

namespace TextLint.Output.Tests.Sarif;

/// <summary>The per-thread buffer the SARIF writer renders each file into: reused, always empty, never kept large.</summary>
public class RenderBufferTests
{
    /// <summary>What a new writer in the SARIF options makes of <paramref name="write"/>.</summary>
    private static string Fresh(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, SarifWriter.Options)) write(w);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Written(RenderBuffer buffer, Action<Utf8JsonWriter> write)
    {
        write(buffer.Writer);
        buffer.Writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Array(Utf8JsonWriter w)
    {
        w.WriteStartArray();
        w.WriteStringValue("b");
        w.WriteEndArray();
    }

    // Each test runs on a thread of its own: the buffers are per thread, and xunit's threads are shared.
    private static void OnNewThread(Action test)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { test(); }
            catch (Exception e) { failure = e; }
        });
        thread.Start();
        thread.Join();
        if (failure is not null) throw new Xunit.Sdk.XunitException(failure.ToString());
    }

    [Fact]
    public void Rent_AfterReturn_ReusesTheBuffer_EmptyAndWithTheWriterAtTheStart() => OnNewThread(() =>
    {
        var first = RenderBuffer.Rent();
        Written(first, w =>
        {
            w.WriteStartObject();
            w.WriteString("a", "a value long enough to leave bytes behind");
            w.WriteEndObject();
        });
        RenderBuffer.Return(first);

        var second = RenderBuffer.Rent();
        Assert.Same(first, second);
        Assert.Equal(0, second.WrittenSpan.Length);
        // A writer that still knew of the first value would put a separator first, or refuse a second root.
        Assert.Equal(Fresh(Array), Written(second, Array));
    });

    [Fact]
    public void Rent_AfterAValueLeftHalfWritten_StartsClean() => OnNewThread(() =>
    {
        var first = RenderBuffer.Rent();
        first.Writer.WriteStartObject();
        first.Writer.WriteStartArray("results");
        first.Writer.Flush();
        RenderBuffer.Return(first); // as the writer's finally does when rendering throws

        var second = RenderBuffer.Rent();
        Assert.Equal(Fresh(Array), Written(second, Array));
    });

    [Fact]
    public void Rent_WhileInUse_GivesAnotherBuffer() => OnNewThread(() =>
    {
        var first = RenderBuffer.Rent();
        var second = RenderBuffer.Rent();
        Assert.NotSame(first, second);
        Written(first, w => w.WriteStringValue("first"));
        Assert.Equal(Fresh(Array), Written(second, Array));
    });

    [Fact]
    public void ABufferGrownPastTheLimit_IsNotKept() => OnNewThread(() =>
    {
        var large = RenderBuffer.Rent();
        Written(large, w => w.WriteStringValue(new string('x', RenderBuffer.MaxKeptCapacity + 1)));
        Assert.True(large.Capacity > RenderBuffer.MaxKeptCapacity);
        RenderBuffer.Return(large);

        var next = RenderBuffer.Rent();
        Assert.NotSame(large, next);
        Assert.True(next.Capacity <= RenderBuffer.MaxKeptCapacity);
    });

    [Fact]
    public void EachThread_HasItsOwnBuffer()
    {
        RenderBuffer? a = null, b = null;
        OnNewThread(() => { a = RenderBuffer.Rent(); RenderBuffer.Return(a); });
        OnNewThread(() => { b = RenderBuffer.Rent(); RenderBuffer.Return(b); });
        Assert.NotSame(a, b);
    }
}
