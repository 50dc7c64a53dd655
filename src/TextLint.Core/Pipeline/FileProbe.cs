using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace TextLint.Pipeline;

/// <summary>What a path names, as far as reading it is concerned.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}

/// <summary>
/// Tells regular files from FIFOs, devices, sockets and links <em>before</em> anything opens them:
/// opening a FIFO for reading blocks until a writer appears (forever, in CI), and a character device
/// such as /dev/zero never ends. .NET reports all of these as "Normal" files and has no lstat, so on
/// Unix this asks the runtime's own native shim (libSystem.Native, shipped with every .NET runtime and
/// used by FileInfo itself), whose FileStatus carries the mode with platform-independent S_IF* values.
/// </summary>
public static class FileProbe
{
    // FileStatus in dotnet/runtime src/native/libs/System.Native/pal_io.h begins { int32 Flags; int32 Mode; ... }.
    // The buffer is larger than the whole struct so a future runtime adding fields cannot overrun it.
    // Size and MTime sit at fixed offsets in every runtime since .NET 6; the identity is read as the three
    // 64-bit words from offset 88: Dev, Ino and UserFlags before .NET 8, Dev, RDev and Ino since — the
    // same file gives the same three words under one runtime, which is all an identity needs.
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct FileStatus
    {
        [FieldOffset(4)] public int Mode;
        [FieldOffset(16)] public long Size;
        [FieldOffset(40)] public long MTime;
        [FieldOffset(48)] public long MTimeNsec;
        [FieldOffset(88)] public long Id0;
        [FieldOffset(96)] public long Id1;
        [FieldOffset(104)] public long Id2;
    }

    private const int S_IFMT = 0xF000, S_IFIFO = 0x1000, S_IFCHR = 0x2000, S_IFDIR = 0x4000, S_IFBLK = 0x6000,
        S_IFREG = 0x8000, S_IFLNK = 0xA000, S_IFSOCK = 0xC000;

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_FStat", SetLastError = true)]
    private static extern int FStat(SafeFileHandle fd, out FileStatus status);

    // open(2) itself, for O_NONBLOCK, which FileStream cannot ask for: opening a FIFO without it blocks
    // until a writer appears. Called with two arguments, so the variadic mode is never passed.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    /// <summary>
    /// The identity (device and inode), size and modification time of <paramref name="path"/> (links
    /// followed), or null when it cannot be read (missing, or on Windows, where callers fall back to paths).
    /// </summary>
    public static FileIdentity? Identify(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        try
        {
            return Stat(path, out var status) == 0 ? IdentityOf(status) : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>As <see cref="Identify(string)"/>, for an open handle (fstat): the file actually opened.</summary>
    public static FileIdentity? Identify(SafeFileHandle handle)
    {
        if (OperatingSystem.IsWindows()) return null;
        try
        {
            return FStat(handle, out var status) == 0 ? IdentityOf(status) : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static FileIdentity IdentityOf(in FileStatus status) =>
        new(KindOf(status.Mode), status.Id0, status.Id1, status.Id2, status.Size, status.MTime * 1_000_000_000 + status.MTimeNsec);

    /// <summary>
    /// Opens <paramref name="path"/> for reading without ever blocking, and only if what was opened is a
    /// regular file: on Unix with O_NONBLOCK (a FIFO swapped in after any earlier check opens at once
    /// instead of waiting for a writer) and then checked with fstat on the open handle, so no check and
    /// open can be told apart by a race. Returns null and the kind found when it is not a regular file.
    /// </summary>
    /// <exception cref="IOException">The file could not be opened (missing, permission, ...).</exception>
    public static FileStream? OpenRegularForReading(string path, out FileKind kind)
    {
        kind = FileKind.Regular;
        if (OperatingSystem.IsWindows() || !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
        int flags = OperatingSystem.IsLinux() ? 0x800 | 0x80000 : 0x4 | 0x1000000; // O_RDONLY | O_NONBLOCK | O_CLOEXEC
        int fd = OpenNative(path, flags);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                2 => new FileNotFoundException("it no longer exists.", path),
                13 or 1 => new UnauthorizedAccessException("permission denied."),
                _ => new IOException($"open failed ({Marshal.GetPInvokeErrorMessage(errno)})."),
            };
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            if (FStat(handle, out var status) != 0) throw new IOException("fstat failed.");
            kind = KindOf(status.Mode);
            if (kind != FileKind.Regular)
            {
                handle.Dispose();
                return null;
            }
            // O_NONBLOCK changes nothing for a regular file's reads.
            return new FileStream(handle, FileAccess.Read, bufferSize: 0);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static FileKind KindOf(int mode) => (mode & S_IFMT) switch
    {
        S_IFREG => FileKind.Regular,
        S_IFDIR => FileKind.Directory,
        S_IFLNK => FileKind.SymbolicLink,
        S_IFIFO => FileKind.Fifo,
        S_IFCHR => FileKind.CharacterDevice,
        S_IFBLK => FileKind.BlockDevice,
        S_IFSOCK => FileKind.Socket,
        _ => FileKind.Other,
    };

    /// <summary>The kind of <paramref name="path"/>; with <paramref name="followLinks"/> false a link is reported as a link.</summary>
    public static FileKind Probe(string path, bool followLinks)
    {
        if (OperatingSystem.IsWindows()) return ProbeManaged(path, followLinks);
        int rc;
        FileStatus status;
        try
        {
            rc = followLinks ? Stat(path, out status) : LStat(path, out status);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return ProbeManaged(path, followLinks);
        }
        if (rc != 0) return FileKind.Missing;
        return KindOf(status.Mode);
    }

    /// <summary>Windows (no FIFOs on the file system; devices carry the Device attribute) and a last resort elsewhere.</summary>
    private static FileKind ProbeManaged(string path, bool followLinks)
    {
        FileSystemInfo info = new FileInfo(path);
        if (!info.Exists) info = new DirectoryInfo(path);
        if (!info.Exists && info.LinkTarget is null) return FileKind.Missing;
        if (info.LinkTarget is not null)
        {
            if (!followLinks) return FileKind.SymbolicLink;
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists) return FileKind.Missing;
            info = target;
        }
        var attributes = info.Attributes;
        if ((attributes & FileAttributes.Directory) != 0) return FileKind.Directory;
        if ((attributes & FileAttributes.Device) != 0) return FileKind.CharacterDevice;
        return FileKind.Regular;
    }

    /// <summary>"a FIFO", "a character device"...: for messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "not a regular file",
    };
}

/// <summary>What a file is on disk: its kind, identity (device and inode), size and modification time (ns).</summary>
public readonly record struct FileIdentity(FileKind Kind, long Id0, long Id1, long Id2, long Size, long ModifiedNanoseconds)
{
    /// <summary>The same file (device and inode), whatever its size or time.</summary>
    public bool IsSameFile(FileIdentity other) => Id0 == other.Id0 && Id1 == other.Id1 && Id2 == other.Id2;
}
