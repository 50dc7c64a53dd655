using System.Runtime.InteropServices;
using TextLint.Cli;
using TextLint.Cli.Infrastructure;

// Ctrl-C and SIGTERM (CI cancelling a job) ask the run to stop between files, so the report's temporary
// file is removed and nothing half-written is left; a second Ctrl-C ends the process at once.
using var cancel = new CancellationTokenSource();
void OnSignal(PosixSignalContext signal)
{
    if (cancel.IsCancellationRequested) return; // second signal: default handling terminates
    signal.Cancel = true;
    cancel.Cancel();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

return CliApp.Run(args, CliContext.FromProcess(cancel.Token));
