using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.DependencyInjection;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Drafting.Templates;
using Nmirf.Drafting.Use;
using Nmirf.Host.Demo;
using Nmirf.Recommendations.Contracts;
using Nmirf.Recommendations.Importing;
using Nmirf.Recommendations.Use;
using Nmirf.Tests.Shared;

namespace Nmirf.Drafting.Tests.Drafts;

/// <summary>Drafts generated from a real SQLite database (demo mandates, imported concluding observations, progress), through the host's composition.</summary>
public sealed class DraftGenerationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    // Illustrative text for the tests, in the shape of concluding observations; not a real document.
    private const string Observations = """
        Concluding observations on the sixth periodic report

        Right to life
        17. The State party should review its legislation to ensure that any deprivation of life complies with article 6 of the Covenant.
        Liberty and security of person
        19. The State party should guarantee in law and in practice the safeguards of article 9 from the outset of deprivation of liberty.
        Dissemination
        41. The State party should widely disseminate the Covenant and the present concluding observations.
        """;

    private TestHost _host = null!;
    private List<RecommendationView> _recommendations = [];

    public async Task InitializeAsync()
    {
        _host = await TestHost.CreateAsync(Now);
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(accounts: false);
            Assert.True(seeded.IsSuccess, string.Join("; ", seeded.Errors));
        }

        var imported = await _host.SendAsync(new ImportRecommendations("MAR", new MemoryStream(Encoding.UTF8.GetBytes(Observations)), "co.txt", RecommendationFormat.ConcludingObservationsText, "CCPR/C/MAR/CO/6"), "MAR");
        Assert.True(imported.IsSuccess, string.Join("; ", imported.Errors));
        var list = await _host.SendAsync(new ListRecommendations("MAR", new RecommendationFilter { Symbol = "CCPR/C/MAR/CO/6" }), "MAR");
        _recommendations = [.. list.Value.Items];
        Assert.Equal(3, _recommendations.Count);

        var first = _recommendations.Single(r => r.Paragraph == "17");
        Assert.True((await _host.SendAsync(new SetRecommendationStatus("MAR", first.Id, ImplementationStatus.InProgress, new DateOnly(2026, 3, 1), null, "bill drafted"), "MAR")).IsSuccess);
        var progress = await _host.SendAsync(new AddProgress("MAR", first.Id, new DateOnly(2026, 3, 1), "justice", "Un projet de loi a été transmis au Parlement.", ["https://example.org/projet"], []), "MAR");
        Assert.True(progress.IsSuccess, string.Join("; ", progress.Errors));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Result<Draft>> GenerateAsync(string country, string body, DraftFormat format, string document = "periodic-report", string? language = null, Guid? cycle = null) =>
        await _host.SendAsync(new GenerateDraft(country, body, document, format, cycle, language), country);

    [Fact]
    public async Task Generate_PeriodicReport_AnswersEveryPreviousRecommendationInPlace()
    {
        var result = await GenerateAsync("MAR", "ccpr", DraftFormat.Md);

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        var draft = result.Value;
        var text = Encoding.UTF8.GetString(draft.Content);
        Assert.Equal("fr", draft.Language);
        Assert.Equal(3, draft.Recommendations);
        foreach (var recommendation in _recommendations)
        {
            Assert.Contains(recommendation.Text[..60], text, StringComparison.Ordinal);
        }

        // In place: the recommendation citing article 6 is answered inside the article 6 section, before article 7.
        var article6 = text.IndexOf(_recommendations.Single(r => r.Paragraph == "17").Text[..60], StringComparison.Ordinal);
        Assert.True(text.IndexOf("Right to life", StringComparison.Ordinal) < article6);
        Assert.True(article6 < text.IndexOf("Prohibition of torture", StringComparison.Ordinal));
        Assert.Contains("Un projet de loi a été transmis au Parlement.", text, StringComparison.Ordinal);
        Assert.Contains("1\\. ", text, StringComparison.Ordinal);
        Assert.Equal(21200, draft.Words.Limit);
        Assert.True(draft.Words.Counted > 300);
        Assert.Equal("CCPR/C/MAR/7", draft.Symbol);
    }

    [Theory]
    [InlineData("MAR", "ccpr", "fr")]
    [InlineData("PRT", "cedaw", "pt")]
    [InlineData("PRY", "cescr", "es")]
    public async Task Generate_Docx_ForEachDemoCountry_InItsWorkingLanguage_IsValidWord(string country, string body, string language)
    {
        var result = await GenerateAsync(country, body, DraftFormat.Docx);

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Equal(language, result.Value.Language);
        using var package = WordprocessingDocument.Open(new MemoryStream(result.Value.Content), false);
        var errors = new OpenXmlValidator().Validate(package).Take(10).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(result.Value.Paragraphs > 10);
    }

    [Fact]
    public async Task Generate_Html_IsOneSelfContainedFile()
    {
        var result = await GenerateAsync("MAR", "ccpr", DraftFormat.Html);

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        var html = Encoding.UTF8.GetString(result.Value.Content);
        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("CCPR/C/MAR/7", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Override_ChangesTheCountrysOutputOnly_AndResetRestoresIt()
    {
        const string Own = "{{ title = \"Rapport national\" }}\n# Présentation\n\nVersion propre au Maroc pour {{ country.name }}.\n";
        var saved = await _host.SendAsync(new SaveTemplateOverride("MAR", "ccpr/periodic-report.fr.md", Own), "MAR");
        Assert.True(saved.IsSuccess, string.Join("; ", saved.Errors));
        Assert.Equal(TemplateOrigin.Country, saved.Value.Origin);

        var mine = await GenerateAsync("MAR", "ccpr", DraftFormat.Md);
        Assert.Equal(TemplateOrigin.Country, mine.Value.TemplateOrigin);
        Assert.Contains("Version propre au Maroc pour Morocco.", Encoding.UTF8.GetString(mine.Value.Content), StringComparison.Ordinal);
        Assert.Equal("Rapport national", mine.Value.Title);

        var other = await GenerateAsync("PRY", "ccpr", DraftFormat.Md, language: "fr");
        Assert.NotEqual(TemplateOrigin.Country, other.Value.TemplateOrigin);

        Assert.True((await _host.SendAsync(new DeleteTemplateOverride("MAR", "ccpr/periodic-report.fr.md"), "MAR")).IsSuccess);
        var back = await GenerateAsync("MAR", "ccpr", DraftFormat.Md);
        Assert.Equal(TemplateOrigin.Shared, back.Value.TemplateOrigin);
    }

    [Theory]
    [InlineData("{{ for x in 1..10 }}", "syntax error")]
    [InlineData("{{ while true }}x{{ end }}", "loop limit")]
    [InlineData("{{ include '../../../etc/passwd' }}", "include")]
    [InlineData("{{ undefined_thing.name }}", "")]
    public async Task Override_BadTemplate_IsRefusedAndNothingSaved(string text, string expected)
    {
        var saved = await _host.SendAsync(new SaveTemplateOverride("MAR", "ccpr/periodic-report.fr.md", text), "MAR");

        Assert.False(saved.IsSuccess);
        Assert.Equal("ccpr/periodic-report.fr.md", saved.Errors[0].Field);
        Assert.NotNull(saved.Errors[0].Line);
        Assert.Contains(expected, saved.Errors[0].Message, StringComparison.Ordinal);
        var listed = await _host.SendAsync(new ListTemplates("ccpr", "MAR"), "MAR");
        Assert.DoesNotContain(listed.Value, t => t.Origin == TemplateOrigin.Country);
    }

    [Fact]
    public async Task Generate_BodyTheCountryHasNotRatified_IsRefused()
    {
        // Portugal's demo mandate records no ratification of the migrant workers' convention.
        var result = await GenerateAsync("PRT", "cmw", DraftFormat.Md);

        Assert.False(result.IsSuccess);
        Assert.Contains("has not ratified", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_CycleThatDoesNotExist_IsNotFound()
    {
        var result = await GenerateAsync("MAR", "ccpr", DraftFormat.Md, cycle: Guid.NewGuid());

        Assert.Equal(ErrorKind.NotFound, result.ErrorKind);
        Assert.Equal("cycle", result.Errors[0].Field);
    }

    [Theory]
    [InlineData("MAR", "ccpr", "annual-report", null, "document")]
    [InlineData("MAR", "ccpr", "periodic-report", "de", "language")]
    [InlineData("MAR", "nope", "periodic-report", null, "body")]
    [InlineData("ZZZ", "ccpr", "periodic-report", null, "")]
    [InlineData("MAR", "ccpr", "periodic-report", "FRENCH", "language")]
    public async Task Generate_BadRequest_SaysWhatIsWrong(string country, string body, string document, string? language, string field)
    {
        var result = await GenerateAsync(country, body, DraftFormat.Md, document, language);

        Assert.False(result.IsSuccess);
        if (field.Length > 0)
        {
            Assert.Equal(field, result.Errors[0].Field);
        }
    }

    [Fact]
    public async Task Generate_UprNationalReport_UsesThePluginTemplate()
    {
        var result = await GenerateAsync("MAR", "upr", DraftFormat.Docx, "upr-national-report");

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Equal(TemplateOrigin.Plugin, result.Value.TemplateOrigin);
        Assert.Equal(10700, result.Value.Words.Limit);
        Assert.False(result.Value.Words.AnnexesCounted);
    }
}
