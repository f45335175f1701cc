using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Time.Testing;
using Nmirf.Drafting.Reports;
using Nmirf.Drafting.Rendering;
using Nmirf.Drafting.Templates;
using Nmirf.Drafting.WordCount;
using Nmirf.Plugins.Abstractions;

namespace Nmirf.Drafting.Tests.Templates;

/// <summary>
/// Every template the project ships (the shared ones and the UPR plugin's) renders in the sandbox with the sample
/// report model, for a body organised by articles, one organised by clusters and the sample's own sections (the UPR
/// templates with the UPR's sections): it assigns its title and status, writes Markdown that parses, answers the
/// sample recommendations in place and types no paragraph number of its own.
/// </summary>
public sealed partial class ShippedTemplateTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static readonly string SharedFolder = Path.Combine(AppContext.BaseDirectory, "templates", "shared");

    private static readonly string UprFolder = Path.Combine(AppContext.BaseDirectory, "plugins", "upr", "templates");

    private static readonly Dictionary<string, string> Drafts = new() { ["en"] = "Draft", ["fr"] = "Projet", ["es"] = "Borrador", ["pt"] = "Projeto" };

    /// <summary>A treaty body reporting article by article; the first sample recommendation cites article 6.</summary>
    private static readonly BodyDescriptor ArticlesBody = new(
        "xa", "Sample Committee", "XA", "Sample Covenant", BodyKind.TreatyBody, [new ReportingInstrument("XA")],
        new ReportStructure(
            StructureKind.Articles,
            [new("art-1", "Self-determination", ["1"]), new("art-2", "General obligations", ["2", "3"]), new("art-6", "Right to life", ["6"]), new("art-7", "Prohibition of torture", ["7"])],
            "test",
            true));

    /// <summary>A treaty body reporting by clusters of articles, as CRC does.</summary>
    private static readonly BodyDescriptor ClustersBody = new(
        "xc", "Sample Committee on Clusters", "XC", "Sample Convention", BodyKind.TreatyBody, [new ReportingInstrument("XC")],
        new ReportStructure(
            StructureKind.Clusters,
            [new("cluster-1", "General measures of implementation", ["4", "42", "44(6)"]), new("cluster-3", "General principles", ["2", "3", "6", "12"]), new("cluster-8", "Education, leisure and cultural activities", ["28", "29", "30", "31"])],
            "test",
            true));

    /// <summary>A peer review with the national report's sections, as the UPR plugin declares them.</summary>
    private static readonly BodyDescriptor ReviewBody = new(
        "upr", "Universal Periodic Review", "UPR", "General Assembly resolution 60/251; Human Rights Council resolution 5/1", BodyKind.PeerReview, [],
        new ReportStructure(StructureKind.Sections, [new("section-a", "Description of the methodology and the broad consultation process followed", []), new("section-d", "Presentation by the State of the follow-up to the previous review", [])], "test", false));

    /// <summary>
    /// Every shipped document template: its origin (<c>shared</c> or <c>upr</c>), its file name and the structure to
    /// render it with (<c>sample</c>: no body, the sample report's own structure of sections, as a template is
    /// validated before it is saved).
    /// </summary>
    public static TheoryData<string, string, string> Templates()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var file in DocumentTemplates(SharedFolder))
        {
            data.Add("shared", file, "articles");
            data.Add("shared", file, "clusters");
            data.Add("shared", file, "sample");
        }

        foreach (var file in DocumentTemplates(UprFolder))
        {
            data.Add("upr", file, "sections");
        }

        return data;
    }

    public static TheoryData<string> PeriodicReportLanguages() => ["en", "fr", "es", "pt"];

    [Fact]
    public void Shipped_TheExpectedTemplatesAreThere()
    {
        var shared = DocumentTemplates(SharedFolder).ToList();
        var upr = DocumentTemplates(UprFolder).ToList();
        foreach (var language in Drafts.Keys)
        {
            Assert.Contains($"periodic-report.{language}.md.scriban", shared);
            Assert.Contains($"upr-national-report.{language}.md.scriban", upr);
            Assert.True(File.Exists(Path.Combine(SharedFolder, "partials", $"recommendation.{language}.scriban")), $"partials/recommendation.{language}");
        }

        Assert.Contains("common-core-document.en.md.scriban", shared);
        Assert.Contains("replies-to-list-of-issues.en.md.scriban", shared);
        Assert.Contains("follow-up-information.en.md.scriban", shared);
        Assert.Contains("upr-mid-term-report.en.md.scriban", upr);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Template_RendersTheSampleReport(string origin, string file, string structure)
    {
        var (name, model) = Sample(origin, file, structure);
        var rendered = await RenderAsync(origin, file, name, model);

        Assert.False(string.IsNullOrWhiteSpace(rendered.Title), $"{file} assigns no title");
        Assert.Equal(Drafts[name.Language], rendered.Status);
        Assert.DoesNotContain("{{", rendered.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("}}", rendered.Markdown, StringComparison.Ordinal);

        var document = DraftMarkdown.Parse(rendered.Markdown);
        Assert.Contains(document, b => b is HeadingBlock);
        Assert.DoesNotContain(document, b => b is ListBlock { IsOrdered: true });
        Assert.DoesNotContain(document, b => b is CodeBlock);
        AssertNoTypedParagraphNumbers(rendered.Markdown, file);

        var expected = name.Document switch
        {
            "periodic-report" or "initial-report" or "upr-national-report" or "upr-mid-term-report" => model.Previous.Recommendations.Select(r => r.Text).ToList(),
            "follow-up-information" => model.FollowUp.Select(r => r.Text).ToList(),
            "replies-to-list-of-issues" => model.Questions.Select(q => q.Text).ToList(),
            _ => [],
        };
        Assert.True(name.Document is "common-core-document" || expected.Count > 0, $"the sample gives {file} nothing to answer");
        foreach (var text in expected)
        {
            Assert.Contains(text, rendered.Markdown, StringComparison.Ordinal);
        }

        // Each answered recommendation has a heading of its own that names its paragraph.
        var headings = document.Descendants<HeadingBlock>().Select(h => Text(h.Inline)).ToList();
        var answered = name.Document switch
        {
            "periodic-report" or "initial-report" or "upr-national-report" => model.Previous.Recommendations,
            "follow-up-information" => model.FollowUp,
            _ => [],
        };
        foreach (var recommendation in answered)
        {
            Assert.Contains(headings, h => h.Contains(recommendation.Paragraph!, StringComparison.Ordinal));
        }

        if (name.Document is "periodic-report" or "initial-report")
        {
            foreach (var part in model.Body.Parts)
            {
                Assert.Contains(part.Title, rendered.Markdown, StringComparison.Ordinal);
            }

            var check = WordCounter.Check(document, model.Document.WordLimit, countFootnotes: true, countAnnexes: true);
            Assert.True(check.Counted > 200, $"{file}: {check.Counted} words");
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Template_RendersASparseModel(string origin, string file, string structure)
    {
        // Nothing recorded: no mechanism, no previous recommendations, no questions, no answers, no report number.
        var (name, sample) = Sample(origin, file, structure, recommendations: []);
        var model = sample with
        {
            Document = sample.Document with { Symbol = null, WordLimit = null },
            Mechanism = new MechanismInfo(null, null, null, null, null, null, null, []),
            Cycle = sample.Cycle with { Report = null, ReportFirst = null, ReportNumber = null, Symbol = null, Procedure = null, DueOn = null, PeriodFrom = null, ListOfIssuesSymbol = null },
            Previous = new PreviousReview(null, null, null, [], []),
            Questions = [],
            Answers = [],
            Consultation = [],
        };

        var rendered = await RenderAsync(origin, file, name, model);

        Assert.False(string.IsNullOrWhiteSpace(rendered.Title), $"{file} assigns no title");
        DraftMarkdown.Parse(rendered.Markdown);
        AssertNoTypedParagraphNumbers(rendered.Markdown, file);
    }

    [Theory]
    [InlineData("en", null, 2, "Second periodic report submitted by Sample Country under the Sample Covenant")]
    [InlineData("en", null, 1, "Initial report submitted by Sample Country under the Sample Covenant")]
    [InlineData("en", 5, 6, "Combined fifth and sixth periodic reports submitted by Sample Country under the Sample Covenant")]
    [InlineData("en", 19, 21, "Combined nineteenth to twenty-first periodic reports submitted by Sample Country under the Sample Covenant")]
    [InlineData("en", null, null, "Periodic report submitted by Sample Country under the Sample Covenant")]
    [InlineData("en", 1, 2, "Combined initial and second periodic reports submitted by Sample Country")]
    [InlineData("fr", 1, 2, "Rapport valant rapport initial et deuxième rapport périodique soumis par Sample Country")]
    [InlineData("es", 1, 2, "Informes inicial y segundo combinados presentados por Sample Country")]
    [InlineData("pt", 1, 2, "Relatório inicial e segundo relatório periódico combinados apresentados por Sample Country")]
    [InlineData("fr", null, 7, "Septième rapport périodique soumis par Sample Country")]
    [InlineData("fr", 5, 6, "Rapport valant cinquième et sixième rapports périodiques soumis par Sample Country")]
    [InlineData("es", null, 3, "Tercer informe periódico presentado por Sample Country")]
    [InlineData("es", 3, 4, "Informes periódicos tercero y cuarto combinados presentados por Sample Country")]
    [InlineData("pt", null, 1, "Relatório inicial apresentado por Sample Country")]
    [InlineData("pt", 5, 6, "Quinto e sexto relatórios periódicos combinados apresentados por Sample Country")]
    public async Task PeriodicReport_TitleNamesTheReport(string language, int? first, int? number, string expected)
    {
        var file = $"periodic-report.{language}.md.scriban";
        var (name, sample) = Sample("shared", file, "articles");
        var report = number is null ? null : first is null ? $"{number}" : $"{first}-{number}";
        var model = sample with { Cycle = sample.Cycle with { Report = report, ReportFirst = first ?? number, ReportNumber = number } };

        var rendered = await RenderAsync("shared", file, name, model);

        Assert.StartsWith(expected, rendered.Title, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PeriodicReportLanguages))]
    public async Task PeriodicReport_AnswersEachRecommendationInItsPart(string language)
    {
        var file = $"periodic-report.{language}.md.scriban";
        var (name, model) = Sample("shared", file, "articles");

        var rendered = await RenderAsync("shared", file, name, model);

        // "article 6" places the first sample recommendation under article 6; the second cites no article and is answered after the parts.
        var markdown = rendered.Markdown;
        var article6 = markdown.IndexOf("Right to life", StringComparison.Ordinal);
        var article7 = markdown.IndexOf("Prohibition of torture", StringComparison.Ordinal);
        var placed = markdown.IndexOf(model.Previous.Recommendations[0].Text, StringComparison.Ordinal);
        var unplaced = markdown.IndexOf(model.Previous.Recommendations[1].Text, StringComparison.Ordinal);
        Assert.True(article6 < placed && placed < article7, "the article 6 recommendation is answered under article 6");
        Assert.True(unplaced > article7, "the recommendation that cites no article is answered after the parts");
        Assert.Contains("> " + model.Previous.Recommendations[0].Text, markdown, StringComparison.Ordinal);
        Assert.Contains("A bill was drafted and sent to parliament.", markdown, StringComparison.Ordinal);
        Assert.Contains("Ministry of Justice", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "au Comité des droits de l'enfant en application de la Convention relative aux droits de l'enfant")]
    [InlineData("es", "al Comité de los Derechos del Niño en virtud de la Convención sobre los Derechos del Niño")]
    [InlineData("pt", "ao Comité dos Direitos da Criança ao abrigo da Convenção sobre os Direitos da Criança")]
    public async Task PeriodicReport_NamesAKnownTreatyInTheDraftLanguage(string language, string expected)
    {
        var file = $"periodic-report.{language}.md.scriban";
        var (name, sample) = Sample("shared", file, "clusters");
        var model = sample with { Body = sample.Body with { Id = "crc" } };

        var rendered = await RenderAsync("shared", file, name, model);

        Assert.Contains(expected, rendered.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeriodicReport_InFrench_WritesTheFirstOfTheMonthAsPremier()
    {
        const string file = "periodic-report.fr.md.scriban";
        var (name, sample) = Sample("shared", file, "articles");
        var model = sample with { Mechanism = sample.Mechanism with { LegalBasisAdoptedOn = new DateOnly(2023, 3, 1) } };

        var rendered = await RenderAsync("shared", file, name, model);

        Assert.Contains("Decree No. 1 du 1er mars 2023", rendered.Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PeriodicReportLanguages))]
    public async Task PeriodicReport_UnderTheSimplifiedProcedure_AnswersTheListOfIssues(string language)
    {
        var file = $"periodic-report.{language}.md.scriban";
        var (name, sample) = Sample("shared", file, "articles");
        var model = sample with { Cycle = sample.Cycle with { Procedure = "simplified", ListOfIssuesSymbol = "XX/C/SMP/QPR/2" } };

        var rendered = await RenderAsync("shared", file, name, model);

        Assert.Contains("> " + model.Questions[0].Text, rendered.Markdown, StringComparison.Ordinal);
        Assert.Contains("XX/C/SMP/QPR/2", rendered.Markdown, StringComparison.Ordinal);
        foreach (var recommendation in model.Previous.Recommendations)
        {
            Assert.Contains("> " + recommendation.Text, rendered.Markdown, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Right to life", rendered.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeriodicReport_KeepsFreeTextFromBreakingTheNumbering()
    {
        const string file = "periodic-report.en.md.scriban";
        var hostile = new RecommendationInfo(
            Guid.Empty, "XX/C/SMP/CO/1", "20", "1. The State party should:\n# adopt a law;\n- train judges;\n    | a | b |", "recommendation", "implemented", null, "ministry-of-justice", [], [], [], [], false, null, null,
            [new ProgressInfo(Today.AddMonths(-1), "unknown-office", "2. A law was adopted.\n\n    Indented text.\n---\n\nBudget | Amount\n:--- | ---:\nHealth | 10", [], [])]);
        var (name, model) = Sample("shared", file, "articles", recommendations: [hostile]);

        var rendered = await RenderAsync("shared", file, name, model);

        var document = DraftMarkdown.Parse(rendered.Markdown);
        Assert.DoesNotContain(document.Descendants<ListBlock>(), l => l.IsOrdered);
        Assert.DoesNotContain(document.Descendants<CodeBlock>(), _ => true);
        Assert.DoesNotContain(document.Descendants<ThematicBreakBlock>(), _ => true);
        Assert.DoesNotContain(document.Descendants<Table>(), t => t.Descendants<LiteralInline>().Any(l => l.Content.ToString().Contains("Health", StringComparison.Ordinal)));
        Assert.Contains(@"Health \| 10", rendered.Markdown, StringComparison.Ordinal);
        AssertNoTypedParagraphNumbers(rendered.Markdown, file);
        Assert.Contains("unknown-office", rendered.Markdown, StringComparison.Ordinal);
    }

    private static IEnumerable<string> DocumentTemplates(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.md.scriban", SearchOption.TopDirectoryOnly).Select(Path.GetFileName).Order(StringComparer.Ordinal)!
            : [];

    private static (TemplateName Name, ReportModel Model) Sample(string origin, string file, string structure, IReadOnlyList<RecommendationInfo>? recommendations = null)
    {
        var body = structure switch
        {
            "articles" => ArticlesBody,
            "clusters" => ClustersBody,
            "sections" => ReviewBody,
            _ => null,
        };
        Assert.True(TemplateName.TryParse($"{body?.Id ?? "xx"}/{file}", out var name), $"{origin}/{file} is not named <document>.<lang>.md.scriban");
        recommendations ??= origin == "upr" ? UprRecommendations() : null;
        return (name, SampleReport.Create(body, name.Document, name.Language, Today, recommendations));
    }

    /// <summary>UPR recommendations: a response, recommending States, no article.</summary>
    private static List<RecommendationInfo> UprRecommendations()
    {
        var progress = new List<ProgressInfo> { new(Today.AddMonths(-3), "ministry-of-justice", "A national action plan on human rights was adopted.", ["https://example.org/plan"], []) };
        return
        [
            new(Guid.Empty, "A/HRC/99/9", "140.1", "Ratify the Optional Protocol to the Convention against Torture.", "recommendation", "implemented", "supported", "ministry-of-justice", ["ministry-of-interior"], ["International instruments"], [], ["Sampleland", "Otherland"], false, null, null, progress),
            new(Guid.Empty, "A/HRC/99/9", "140.2", "Abolish the death penalty.", "recommendation", "not-started", "noted", null, [], [], ["16"], ["Thirdland"], false, null, null, []),
            new(Guid.Empty, "A/HRC/99/9", "140.3", "Strengthen the national human rights institution.", "recommendation", "in-progress", "supported", "ministry-of-interior", [], ["International instruments"], [], ["Sampleland"], false, null, null, []),
        ];
    }

    private static async Task<RenderedTemplate> RenderAsync(string origin, string file, TemplateName name, ReportModel model)
    {
        var folder = origin == "upr" ? UprFolder : SharedFolder;
        var sandbox = new TemplateSandbox(new DraftingSettings(), new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero)));
        var parsed = sandbox.Parse(name.ToString(), await File.ReadAllTextAsync(Path.Combine(folder, file)));
        Assert.True(parsed.IsSuccess, string.Join("; ", parsed.Errors));

        var includes = new FolderIncludes(origin == "upr" ? [UprFolder, SharedFolder] : [SharedFolder]);
        var rendered = await sandbox.RenderAsync(name.ToString(), parsed.Value, ScriptModel.From(model), name.Language, includes, CancellationToken.None);
        Assert.True(rendered.IsSuccess, string.Join("; ", rendered.Errors.Select(e => $"{e.Field} ({e.Line},{e.Column}): {e.Message}")));
        return rendered.Value;
    }

    /// <summary>No line outside a quote, a list or a table starts with a number typed as a paragraph number ("1. ", "12) ").</summary>
    private static void AssertNoTypedParagraphNumbers(string markdown, string file)
    {
        var typed = markdown.Split('\n').Where(line => TypedNumber().IsMatch(line)).ToList();
        Assert.True(typed.Count == 0, $"{file} types paragraph numbers: {string.Join(" | ", typed)}");
    }

    private static string Text(ContainerInline? inline) =>
        inline is null ? "" : string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    [GeneratedRegex(@"^\s{0,3}\d+[.)](\s|$)")]
    private static partial Regex TypedNumber();

    /// <summary>Partials from the template folders, in chain order (the plugin's, then the shared ones), as the host resolves them.</summary>
    private sealed class FolderIncludes(IReadOnlyList<string> folders) : IIncludeSource
    {
        public TemplateText? Find(string name)
        {
            foreach (var folder in folders)
            {
                var path = Path.Combine(folder, name + TemplateName.Extension);
                if (File.Exists(path))
                {
                    return new TemplateText(name, folder == SharedFolder ? TemplateOrigin.Shared : TemplateOrigin.Plugin, path, File.ReadAllText(path));
                }
            }

            return null;
        }
    }
}
