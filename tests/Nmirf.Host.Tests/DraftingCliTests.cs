namespace Nmirf.Host.Tests;

/// <summary>The templates and draft verbs, in process on a database of their own.</summary>
public sealed class DraftingCliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task DraftGenerate_Docx_WritesTheFileAndPrintsTheWordCheck()
    {
        await _cli.RunAsync("demo", "seed");
        var output = Path.Combine(_cli.WorkFolder, "out", "cedaw.docx");

        var (exitCode, stdout, error) = await _cli.RunAsync("draft", "generate", "--country", "PRY", "--body", "cedaw", "--document", "periodic-report", "--format", "docx", "--out", output);

        Assert.True(exitCode == 0, error);
        Assert.True(File.Exists(output));
        Assert.Contains("limit 21,200", stdout, StringComparison.Ordinal);
        Assert.Contains("periodic-report.es.md", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftGenerate_BodyNotRatified_ExitsOne()
    {
        await _cli.RunAsync("demo", "seed");

        var (exitCode, _, error) = await _cli.RunAsync("draft", "generate", "--country", "PRT", "--body", "cmw", "--document", "periodic-report", "--format", "md", "--out", Path.Combine(_cli.WorkFolder, "x.md"));

        Assert.Equal(1, exitCode);
        Assert.Contains("has not ratified", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftGenerate_BadFormat_IsWrongUsage()
    {
        var (exitCode, _, _) = await _cli.RunAsync("draft", "generate", "--country", "MAR", "--body", "ccpr", "--document", "periodic-report", "--format", "pdf", "--out", "x");

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public async Task TemplatesValidate_Bad_ExitsOneWithFileLineAndColumn()
    {
        var file = _cli.WriteFile("periodic-report.en.md.scriban", "# Title\n\n{{ for p in body.parts }}\n## {{ p.title }}\n");

        var (exitCode, _, error) = await _cli.RunAsync("templates", "validate", file, "--body", "ccpr");

        Assert.Equal(1, exitCode);
        Assert.Matches(@"periodic-report\.en\.md\.scriban:\d+:\d+: ccpr/periodic-report\.en\.md: syntax error", error);
    }

    [Fact]
    public async Task TemplatesList_ShowsTheChain()
    {
        var (exitCode, stdout, _) = await _cli.RunAsync("templates", "list", "--body", "upr", "--json");

        Assert.Equal(0, exitCode);
        Assert.Contains("upr/upr-national-report.fr.md", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("upr/periodic-report", stdout, StringComparison.Ordinal);
    }
}
