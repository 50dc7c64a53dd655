using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using TextLint.Diagnostics;

namespace TextLint.Yaml;

/// <summary>
/// The <see cref="YamlNode"/> trees of YAML files in a compact binary form, each file's found by a hash
/// of its exact text (<see cref="KeyOf"/>), so a file can be loaded without parsing it. Only files that
/// parse without errors are written; a tree is a function of the text alone (the path only names it), so
/// a file whose key is in the snapshot gets the same documents as <see cref="YamlReader.Read"/> would give
/// it. The build writes the snapshot with the reader it ships, so the two cannot disagree.
/// </summary>
/// <remarks>
/// Layout (integers little-endian, "varint" an unsigned LEB128 of at most 5 bytes):
/// <code>
/// "TLYS" u16 version  u32 fileCount  fileCount × (u64 text hash, u32 text length, u32 offset, u32 length)
/// blobs (offsets from the end of the table)   u64 XXH64 of everything before it
///
/// blob:  varint stringCount, stringCount × (varint byteLength, UTF-8)   varint documentCount, documents
/// node:  tag byte (0 plain scalar, 1 quoted scalar, 2 sequence, 3 mapping, 4 an earlier node again),
///        varint line, varint column, then: a scalar's string index | a count and the items | a count
///        and the key–value pairs | for 4, the earlier node's number (nodes are numbered as they end)
/// </code>
/// Reading is bounded: every count and length is checked against the bytes left, nesting against
/// <see cref="YamlReader.MaxDepth"/>, and the whole file against its checksum, so a truncated, corrupt
/// or other-version snapshot is refused (<see cref="TryOpen"/> gives null, <see cref="TryRead"/> false)
/// and the caller parses the text instead.
/// </remarks>
public sealed class YamlSnapshot
{
    /// <summary>Raised whenever the layout or the trees <see cref="YamlReader"/> builds change.</summary>
    public const ushort FormatVersion = 1;

    private const int ChecksumLength = 8;
    private const int EntryLength = 8 + 4 + 4 + 4;
    private const int HeaderLength = 4 + 2 + 4;
    private static ReadOnlySpan<byte> Magic => "TLYS"u8;

    private enum Tag : byte { PlainScalar, QuotedScalar, Sequence, Mapping, Reference }

    private readonly byte[] _data;
    private readonly Dictionary<(ulong Hash, int Length), (int Offset, int Length)> _entries;

    private YamlSnapshot(byte[] data, Dictionary<(ulong Hash, int Length), (int Offset, int Length)> entries)
    {
        _data = data;
        _entries = entries;
    }

    /// <summary>How many files the snapshot holds.</summary>
    public int Count => _entries.Count;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The key of a text: its length and the XXH64 of its UTF-16 code units, little-endian. Not of its
    /// UTF-8 bytes, which would give texts that differ only in an unpaired surrogate (written as U+FFFD)
    /// one key.
    /// </summary>
    public static (ulong Hash, int Length) KeyOf(string text)
    {
        if (BitConverter.IsLittleEndian) return (XxHash64.Hash(MemoryMarshal.AsBytes(text.AsSpan())), text.Length);
        var units = text.ToCharArray();
        BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<char, ushort>(units.AsSpan()), MemoryMarshal.Cast<char, ushort>(units.AsSpan()));
        return (XxHash64.Hash(MemoryMarshal.AsBytes(units.AsSpan())), text.Length);
    }

    /// <summary>Whether the snapshot has the trees of this exact text.</summary>
    public bool Contains(string text) => _entries.ContainsKey(KeyOf(text));

    /// <summary>
    /// A snapshot of the files' texts: each is parsed, and those that parse without errors are written
    /// (a text given twice once). The bytes are the same for the same texts in the same order.
    /// </summary>
    public static byte[] Create(IEnumerable<string> texts)
    {
        var blobs = new List<((ulong Hash, int Length) Key, byte[] Blob)>();
        var seen = new HashSet<(ulong, int)>();
        foreach (string text in texts)
        {
            var key = KeyOf(text);
            if (!seen.Add(key)) continue;
            var errors = new List<ConfigurationDiagnostic>();
            var documents = YamlReader.Read("snapshot.yaml", text, errors);
            if (errors.Count > 0) continue;
            // A scalar with an unpaired surrogate (a "\uD800" escape) has no UTF-8 form: that file is parsed each time.
            try { blobs.Add((key, WriteBlob(documents))); }
            catch (EncoderFallbackException) { }
        }
        var output = new MemoryStream();
        output.Write(Magic);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(number, FormatVersion);
        output.Write(number[..2]);
        BinaryPrimitives.WriteInt32LittleEndian(number, blobs.Count);
        output.Write(number[..4]);
        int offset = 0;
        foreach (var (key, blob) in blobs)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(number, key.Hash);
            output.Write(number);
            foreach (int value in (ReadOnlySpan<int>)[key.Length, offset, blob.Length])
            {
                BinaryPrimitives.WriteInt32LittleEndian(number, value);
                output.Write(number[..4]);
            }
            offset += blob.Length;
        }
        foreach (var (_, blob) in blobs) output.Write(blob);
        BinaryPrimitives.WriteUInt64LittleEndian(number, XxHash64.Hash(output.GetBuffer().AsSpan(0, (int)output.Length)));
        output.Write(number);
        return output.ToArray();
    }

    /// <summary>The snapshot in these bytes, or null when they are not a whole, intact snapshot of this version.</summary>
    public static YamlSnapshot? TryOpen(byte[] data)
    {
        if (data.Length < HeaderLength + ChecksumLength || !data.AsSpan(0, 4).SequenceEqual(Magic)) return null;
        if (BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(4)) != FormatVersion) return null;
        int body = data.Length - ChecksumLength;
        if (XxHash64.Hash(data.AsSpan(0, body)) != BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(body))) return null;
        int count = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(6));
        if (count < 0 || count > (body - HeaderLength) / EntryLength) return null;
        int blobsStart = HeaderLength + count * EntryLength;
        var entries = new Dictionary<(ulong, int), (int, int)>(count);
        for (int i = 0; i < count; i++)
        {
            var entry = data.AsSpan(HeaderLength + i * EntryLength, EntryLength);
            ulong hash = BinaryPrimitives.ReadUInt64LittleEndian(entry);
            int textLength = BinaryPrimitives.ReadInt32LittleEndian(entry[8..]);
            int offset = BinaryPrimitives.ReadInt32LittleEndian(entry[12..]);
            int length = BinaryPrimitives.ReadInt32LittleEndian(entry[16..]);
            if (textLength < 0 || offset < 0 || length < 0 || offset > body - blobsStart || length > body - blobsStart - offset) return null;
            if (!entries.TryAdd((hash, textLength), (blobsStart + offset, length))) return null;
        }
        return new YamlSnapshot(data, entries);
    }

    /// <summary>
    /// The documents of <paramref name="text"/> named <paramref name="path"/>, as <see cref="YamlReader.Read"/>
    /// gives them for a text without errors; false when the snapshot does not hold this text (or its entry
    /// cannot be read), and the caller parses it.
    /// </summary>
    public bool TryRead(string path, string text, out IReadOnlyList<YamlDocumentNode> documents)
    {
        documents = [];
        if (!_entries.TryGetValue(KeyOf(text), out var entry)) return false;
        try
        {
            var reader = new BlobReader(_data.AsSpan(entry.Offset, entry.Length));
            var roots = reader.ReadBlob();
            var list = new YamlDocumentNode[roots.Count];
            for (int i = 0; i < list.Length; i++) list[i] = new YamlDocumentNode(path, roots[i]);
            documents = list;
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static byte[] WriteBlob(IReadOnlyList<YamlDocumentNode> documents)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var stringList = new List<string>();
        var nodes = new MemoryStream();
        var numbers = new Dictionary<YamlNode, int>(ReferenceEqualityComparer.Instance);
        WriteVarint(nodes, documents.Count);
        foreach (var document in documents) WriteNode(nodes, document.Root, strings, stringList, numbers);

        var blob = new MemoryStream();
        WriteVarint(blob, stringList.Count);
        foreach (string s in stringList)
        {
            byte[] bytes = StrictUtf8.GetBytes(s);
            WriteVarint(blob, bytes.Length);
            blob.Write(bytes);
        }
        nodes.Position = 0;
        nodes.CopyTo(blob);
        return blob.ToArray();
    }

    private static void WriteNode(MemoryStream output, YamlNode node, Dictionary<string, int> strings, List<string> stringList, Dictionary<YamlNode, int> numbers)
    {
        // An alias shares its anchored node: written once, then referred to, so sharing survives the round trip.
        if (numbers.TryGetValue(node, out int number))
        {
            output.WriteByte((byte)Tag.Reference);
            WriteVarint(output, node.Position.Line);
            WriteVarint(output, node.Position.Column);
            WriteVarint(output, number);
            return;
        }
        switch (node)
        {
            case YamlScalar scalar:
                output.WriteByte((byte)(scalar.IsPlain ? Tag.PlainScalar : Tag.QuotedScalar));
                WritePosition(output, node);
                if (!strings.TryGetValue(scalar.Value, out int index))
                {
                    index = stringList.Count;
                    strings.Add(scalar.Value, index);
                    stringList.Add(scalar.Value);
                }
                WriteVarint(output, index);
                break;
            case YamlSequence sequence:
                output.WriteByte((byte)Tag.Sequence);
                WritePosition(output, node);
                WriteVarint(output, sequence.Items.Count);
                foreach (var item in sequence.Items) WriteNode(output, item, strings, stringList, numbers);
                break;
            case YamlMapping mapping:
                output.WriteByte((byte)Tag.Mapping);
                WritePosition(output, node);
                WriteVarint(output, mapping.Entries.Count);
                foreach (var (key, value) in mapping.Entries)
                {
                    WriteNode(output, key, strings, stringList, numbers);
                    WriteNode(output, value, strings, stringList, numbers);
                }
                break;
            default:
                throw new ArgumentException($"Unknown YAML node type {node.GetType().Name}.", nameof(node));
        }
        numbers.Add(node, numbers.Count);
    }

    private static void WritePosition(MemoryStream output, YamlNode node)
    {
        if (node.Position.File is not null) throw new ArgumentException("A snapshot holds nodes of one file; this one names another.", nameof(node));
        WriteVarint(output, node.Position.Line);
        WriteVarint(output, node.Position.Column);
    }

    private static void WriteVarint(MemoryStream output, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        uint v = (uint)value;
        while (v >= 0x80)
        {
            output.WriteByte((byte)(v | 0x80));
            v >>= 7;
        }
        output.WriteByte((byte)v);
    }

    /// <summary>Reads one file's blob; any inconsistency is an <see cref="InvalidDataException"/>.</summary>
    private ref struct BlobReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _at;
        private string[] _strings = [];
        private readonly List<YamlNode> _nodes = new();

        private readonly int Left => _data.Length - _at;

        public List<YamlNode> ReadBlob()
        {
            // Each string takes at least its length byte, each node at least four bytes: counts beyond that are corrupt.
            int stringCount = ReadCount(1);
            _strings = new string[stringCount];
            for (int i = 0; i < stringCount; i++)
            {
                int length = ReadCount(1);
                _strings[i] = Encoding.UTF8.GetString(_data.Slice(_at, length));
                _at += length;
            }
            int documentCount = ReadCount(4);
            var roots = new List<YamlNode>(documentCount);
            for (int i = 0; i < documentCount; i++) roots.Add(ReadNode(0));
            if (_at != _data.Length) throw Corrupt();
            return roots;
        }

        private YamlNode ReadNode(int depth)
        {
            if (depth > YamlReader.MaxDepth) throw Corrupt();
            if (Left < 1) throw Corrupt();
            var tag = (Tag)_data[_at++];
            var position = new SourcePosition(ReadPositive(), ReadPositive());
            YamlNode node;
            switch (tag)
            {
                case Tag.PlainScalar or Tag.QuotedScalar:
                    int index = ReadVarint();
                    if (index >= _strings.Length) throw Corrupt();
                    node = new YamlScalar(position, _strings[index], tag == Tag.PlainScalar);
                    break;
                case Tag.Sequence:
                {
                    int count = ReadCount(4);
                    var items = new List<YamlNode>(count);
                    for (int i = 0; i < count; i++) items.Add(ReadNode(depth + 1));
                    node = new YamlSequence(position, items);
                    break;
                }
                case Tag.Mapping:
                {
                    int count = ReadCount(8);
                    var entries = new List<KeyValuePair<YamlScalar, YamlNode>>(count);
                    for (int i = 0; i < count; i++)
                    {
                        if (ReadNode(depth + 1) is not YamlScalar key) throw Corrupt();
                        entries.Add(new(key, ReadNode(depth + 1)));
                    }
                    node = new YamlMapping(position, entries);
                    break;
                }
                case Tag.Reference:
                    int number = ReadVarint();
                    if (number >= _nodes.Count || _nodes[number].Position != position) throw Corrupt();
                    return _nodes[number];
                default:
                    throw Corrupt();
            }
            _nodes.Add(node);
            return node;
        }

        /// <summary>A count of things each at least <paramref name="minBytes"/> long, checked against the bytes left.</summary>
        private int ReadCount(int minBytes)
        {
            int count = ReadVarint();
            if (count > Left / minBytes) throw Corrupt();
            return count;
        }

        private int ReadPositive()
        {
            int value = ReadVarint();
            return value > 0 ? value : throw Corrupt();
        }

        private int ReadVarint()
        {
            uint value = 0;
            for (int shift = 0; shift < 35; shift += 7)
            {
                if (_at >= _data.Length) throw Corrupt();
                byte b = _data[_at++];
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80) return value <= int.MaxValue ? (int)value : throw Corrupt();
            }
            throw Corrupt();
        }

        private static InvalidDataException Corrupt() => new("The YAML snapshot is corrupt.");
    }
}
