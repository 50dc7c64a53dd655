using System.Runtime.InteropServices;

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
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct FileStatus
    {
        [FieldOffset(4)] public int Mode;
    }

    private const int S_IFMT = 0xF000, S_IFIFO = 0x1000, S_IFCHR = 0x2000, S_IFDIR = 0x4000, S_IFBLK = 0x6000,
        S_IFREG = 0x8000, S_IFLNK = 0xA000, S_IFSOCK = 0xC000;

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);

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
        return (status.Mode & S_IFMT) switch
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
