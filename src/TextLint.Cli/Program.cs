using System.Runtime.InteropServices;
using TextLint.Cli;
using TextLint.Cli.Infrastructure;

StartupCollections.Defer();

// The first Ctrl-C (or SIGTERM) asks the run to stop: files being fixed are finished, so every file is
// left old or new, and the exit code is 130. A second one ends the process at once (the default), which
// is still safe: a fix replaces a file by a rename, never by writing into it.
using var cancel = new CancellationTokenSource();
void Stop(PosixSignalContext signal)
{
    if (cancel.IsCancellationRequested) return;
    signal.Cancel = true;
    cancel.Cancel();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

return CliApp.Run(args, CliContext.FromProcess(cancel.Token));
