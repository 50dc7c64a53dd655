using System.Runtime.InteropServices;
using TextLint.Cli;
using TextLint.Cli.Infrastructure;
using TextLint.Pipeline;

StartupCollections.Defer();

// The first Ctrl-C (or SIGTERM) asks the run to stop: files being fixed are finished, so every file is
// left old or new, and the exit code is 130 (SIGINT) or 143 (SIGTERM), as a shell reports a process the
// signal ended. A run that has not stopped within a grace period (a rule deep in one long file, a read
// that waits) is ended then with the same code; a second signal ends it at once. Either way is safe:
// files are replaced by a rename, never written into, and this process's temporary files are removed
// first, so nothing half-written is left.
using var cancel = new CancellationTokenSource();
int signalled = 0;
void Stop(PosixSignalContext signal)
{
    int code = signal.Signal == PosixSignal.SIGTERM ? 143 : 130;
    signal.Cancel = true;
    if (Interlocked.CompareExchange(ref signalled, code, 0) != 0)
    {
        ForceExit(code);
        return;
    }
    cancel.Cancel();
    new Thread(() =>
    {
        Thread.Sleep(Interruption.GracePeriod);
        ForceExit(code);
    }) { IsBackground = true, Name = "textlint interrupt" }.Start();
}
static void ForceExit(int code)
{
    OutputFile.AbandonAll();
    try { Console.Error.WriteLine("textlint: error: Cancelled."); } catch (IOException) { }
    Environment.Exit(code);
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

int exit = CliApp.Run(args, CliContext.FromProcess(cancel.Token));
// CliApp reports a cancelled run as 130; SIGTERM's is 143.
return exit == 130 && Volatile.Read(ref signalled) == 143 ? 143 : exit;
