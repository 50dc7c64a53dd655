using System.Collections.Immutable;
using TextLint.Cli.Infrastructure;
using TextLint.Diagnostics;
using TextLint.Output;
using TextLint.Pipeline;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Cli.Tests.Infrastructure;

public class ProgressBarTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Shown_OnlyOnATerminal_ForManyFiles_OutsideCi()
    {
        int many = ProgressPolicy.MinimumFiles;
        Assert.True(ProgressPolicy.ShouldShow(many, stderrIsTerminal: true, Env(("TERM", "xterm-256color")), disabledByFlag: false));
        Assert.False(ProgressPolicy.ShouldShow(many - 1, true, Env(), false));
        Assert.False(ProgressPolicy.ShouldShow(many, stderrIsTerminal: false, Env(), false));
        Assert.False(ProgressPolicy.ShouldShow(many, true, Env(("CI", "true")), false));
        Assert.False(ProgressPolicy.ShouldShow(many, true, Env(("CI", "1")), false));
        Assert.False(ProgressPolicy.ShouldShow(many, true, Env(("TERM", "dumb")), false));
        Assert.False(ProgressPolicy.ShouldShow(many, true, Env(), disabledByFlag: true));
        Assert.True(ProgressPolicy.ShouldShow(many, true, Env(("CI", "")), false));
    }

    [Fact]
    public void Render_FitsAnEightyColumnTerminal()
    {
        Assert.Equal("Linting [>                             ] 0/1000 files", ProgressBar.Render(0, 1000));
        Assert.Equal("Linting [===============>              ] 500/1000 files", ProgressBar.Render(500, 1000));
        Assert.Equal("Linting [==============================] 1000/1000 files", ProgressBar.Render(1000, 1000));
        Assert.True(ProgressBar.Render(99999, 99999).Length < 80);
    }

    private sealed class RecordingWriter(TextWriter shared) : IReportWriter
    {
        public void Begin(RunInfo run) { }
        public void WriteFile(FileReport file)
        {
            foreach (var d in file.Diagnostics) shared.Write($"[finding {file.Source.Path}]\n");
        }
        public void End(RunSummary summary) => shared.Write("[summary]\n");
        public void Dispose() { }
    }

    private static readonly RuleDescriptor Descriptor = new()
    {
        Id = "XX0001", Title = "t", MessageFormat = "m", Category = "Style", DefaultSeverity = Severity.Warning, Kind = "existence",
    };

    private static FileReport File(string path, bool finding)
    {
        var source = SourceText.From("text", path);
        var diagnostics = finding
            ? ImmutableArray.Create(new Diagnostic(Descriptor, new TextSpan(0, 4), "m", Severity.Warning))
            : ImmutableArray<Diagnostic>.Empty;
        return new FileReport(source, diagnostics);
    }

    [Fact]
    public void TheBar_WaitsBeforeItsFirstDraw_AndIsErasedBeforeFindingsAndTheSummary()
    {
        // Findings and the bar share one terminal here, as they do when stdout and stderr are both the screen.
        var screen = new StringWriter();
        var now = TimeSpan.Zero;
        var bar = new ProgressBar(new RecordingWriter(screen), screen, 3, () => { }, () => now);
        bar.WriteFile(File("a.txt", finding: false));
        Assert.Equal("", screen.ToString()); // a quick run never shows a bar

        now = TimeSpan.FromSeconds(1);
        bar.WriteFile(File("b.txt", finding: false));
        Assert.Equal("\r\u001b[2KLinting [====================>         ] 2/3 files", screen.ToString());

        now += TimeSpan.FromMilliseconds(10);
        bar.WriteFile(File("c.txt", finding: true));
        bar.End(new RunSummary { FileCount = 3, Elapsed = now });
        Assert.Equal(
            "\r\u001b[2KLinting [====================>         ] 2/3 files" +
            "\r\u001b[2K[finding c.txt]\n" +
            "\r\u001b[2KLinting [==============================] 3/3 files" +
            "\r\u001b[2K[summary]\n",
            screen.ToString());
    }

    [Fact]
    public void Redraws_AreThrottled()
    {
        var screen = new StringWriter();
        var now = TimeSpan.FromSeconds(1);
        var bar = new ProgressBar(new RecordingWriter(screen), screen, 100, () => { }, () => now);
        for (int i = 0; i < 50; i++) bar.WriteFile(File($"{i}.txt", finding: false));
        Assert.Equal(1, screen.ToString().Split("Linting").Length - 1);
        now += TimeSpan.FromMilliseconds(150);
        bar.WriteFile(File("x.txt", finding: false));
        Assert.Equal(2, screen.ToString().Split("Linting").Length - 1);
    }
}
