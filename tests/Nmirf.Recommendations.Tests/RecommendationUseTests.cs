using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nmirf.BuildingBlocks.Text;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Host.Demo;
using Nmirf.Recommendations.Contracts;
using Nmirf.Recommendations.Importing;
using Nmirf.Recommendations.Use;
using Nmirf.Tests.Shared;

namespace Nmirf.Recommendations.Tests;

/// <summary>The recommendation use cases through the host's composition: mediator, plugins and SQLite with the real migrations.</summary>
public sealed class RecommendationUseTests : IAsyncLifetime
{
    private TestHost _host = null!;

    private static string Uhri(params (string Id, string Country, string Body, string Symbol, string Text, string Themes)[] records) =>
        "[" + string.Join(",", records.Select(r => $$"""
            {"AnnotationId":"{{r.Id}}","AnnotationType":"Recommendations","Body":"{{r.Body}}","Symbol":"{{r.Symbol}}","Text":"{{r.Text}}",
             "PublicationDate":"2022-07-12","Countries":["{{r.Country}}"],"Themes":[{{r.Themes}}],"AffectedPersons":["Women"],"Sdgs":["5 - Gender equality","5.2 - Violence"]}
            """)) + "]";

    private static readonly string Morocco = Uhri(
        ("6a1f0c3e-0000-4000-8000-000000000001", "Morocco", "CEDAW", "CEDAW/C/MAR/CO/5-6", "12. The Committee recommends that the State party adopt a law on violence against women.", "\"Women\""),
        ("6a1f0c3e-0000-4000-8000-000000000002", "Morocco", "CEDAW", "CEDAW/C/MAR/CO/5-6", "14. The Committee recommends that the State party ensure access to justice for rural women.", "\"Access to justice\""),
        ("6a1f0c3e-0000-4000-8000-000000000003", "Portugal", "CAT", "CAT/C/PRT/CO/7", "9. The Committee recommends that the State party investigate allegations of ill-treatment by police.", "\"Torture\""));

    public async Task InitializeAsync()
    {
        _host = await TestHost.CreateAsync(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero), new Dictionary<string, string?>
        {
            ["Storage:Path"] = Path.Combine(Path.GetTempPath(), $"nmirf-files-{Guid.NewGuid():N}"),
        });
        await using var scope = _host.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(accounts: false)).IsSuccess);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<Result<ImportSummary>> ImportAsync(string text, string country = "MAR", string fileName = "uhri.json", RecommendationFormat? format = null,
        string? symbol = null, bool dryRun = false, bool skipInvalid = false, bool allCountries = false) =>
        _host.SendAsync(new ImportRecommendations(country, new MemoryStream(Encoding.UTF8.GetBytes(text)), fileName, format, symbol, dryRun, skipInvalid, allCountries));

    private async Task<IReadOnlyList<RecommendationView>> ListAsync(string country = "MAR", RecommendationFilter? filter = null, string? onlyInstitution = null) =>
        (await _host.SendAsync(new ListRecommendations(country, filter ?? new RecommendationFilter(), 1, 500, onlyInstitution))).Value.Items;

    [Fact]
    public async Task Import_SameFileTwice_SecondChangesNothingAndOtherCountriesAreLeftOut()
    {
        var first = (await ImportAsync(Morocco)).Value;
        var second = (await ImportAsync(Morocco)).Value;

        Assert.Equal((3, 2, 0, 0, 1), (first.Read, first.Created, first.Updated, first.Unchanged, first.OtherCountries));
        Assert.Equal((0, 0, 2), (second.Created, second.Updated, second.Unchanged));
        Assert.Equal(2, (await ListAsync()).Count);
        Assert.Empty(await ListAsync("PRT"));
    }

    [Fact]
    public async Task Import_EditedFile_UpdatesInPlaceAndKeepsTheMechanismsWork()
    {
        await ImportAsync(Morocco);
        var target = (await ListAsync()).Single(r => r.Paragraph == "12");
        await _host.SendAsync(new AssignRecommendation("MAR", target.Id, "justice", ["cndh"]));
        await _host.SendAsync(new SetRecommendationStatus("MAR", target.Id, ImplementationStatus.InProgress, null, "justice", "draft law"));

        var edited = (await ImportAsync(Morocco.Replace("adopt a law on violence", "adopt a comprehensive law on violence", StringComparison.Ordinal))).Value;

        Assert.Equal((0, 1, 1), (edited.Created, edited.Updated, edited.Unchanged));
        var after = (await ListAsync()).Single(r => r.Paragraph == "12");
        Assert.Equal(target.Id, after.Id);
        Assert.Contains("comprehensive law", after.Text, StringComparison.Ordinal);
        Assert.Equal(("justice", ImplementationStatus.InProgress), (after.LeadInstitution, after.Status));
        Assert.Equal(["cndh"], after.SupportingInstitutions);
    }

    [Fact]
    public async Task Import_AllCountries_PutsEachRowInItsOwnCountry()
    {
        var summary = (await ImportAsync(Morocco, allCountries: true)).Value;

        Assert.Equal((3, 0), (summary.Created, summary.OtherCountries));
        Assert.Equal("CAT/C/PRT/CO/7", Assert.Single(await ListAsync("PRT")).Symbol);
    }

    [Fact]
    public async Task Import_DryRun_CountsAndWritesNothing()
    {
        var summary = (await ImportAsync(Morocco, dryRun: true)).Value;

        Assert.Equal((2, false), (summary.Created, summary.Applied));
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task Import_AnInvalidRecord_WritesNothingUnlessSkipInvalid()
    {
        var withUnknownBody = Morocco.Replace("\"Body\":\"CEDAW\",\"Symbol\":\"CEDAW/C/MAR/CO/5-6\",\"Text\":\"14.", "\"Body\":\"SPMH\",\"Symbol\":\"CEDAW/C/MAR/CO/5-6\",\"Text\":\"14.", StringComparison.Ordinal);

        var refused = await ImportAsync(withUnknownBody);
        var nothing = await ListAsync();
        var skipped = (await ImportAsync(withUnknownBody, skipInvalid: true)).Value;

        Assert.False(refused.IsSuccess);
        Assert.Contains("record 2", refused.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("spmh", refused.Errors[0].Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(nothing);
        Assert.Equal(1, skipped.Created);
        Assert.Equal(2, Assert.Single(skipped.Skipped).RecordNumber);
    }

    [Fact]
    public async Task Import_TruncatedJson_WritesNothing()
    {
        var refused = await ImportAsync(Morocco[..(Morocco.Length / 2)], skipInvalid: true);

        Assert.False(refused.IsSuccess);
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task Import_UnrecognisedFile_SaysWhichFormatsItKnows()
    {
        var refused = await ImportAsync("hello, this is not a list of recommendations", fileName: "notes.bin");

        Assert.Equal("format", Assert.Single(refused.Errors).Field);
    }

    [Fact]
    public async Task ConcludingObservations_PastedAsText_LinkToTheirCycleAndGetTheFollowUpDeadline()
    {
        const string text = """
            Torture

            12. The Committee recommends that the State party:
            (a) Ensure that all allegations of torture are promptly investigated;
            (b) Strengthen the national preventive mechanism.
            """;
        var summary = (await ImportAsync(text, fileName: "co.txt", format: RecommendationFormat.ConcludingObservationsText, symbol: "CAT/C/MAR/CO/4")).Value;
        var items = await ListAsync(filter: new RecommendationFilter { Symbol = "CAT/C/MAR/CO/4" });

        var selected = (await _host.SendAsync(new SelectForFollowUp("MAR", [items[0].Id]))).Value;

        Assert.Equal(2, summary.Created);
        Assert.Equal(["12(a)", "12(b)"], items.Select(i => i.Paragraph));
        Assert.Equal(new DateOnly(2012, 12, 21), Assert.Single(selected).FollowUpDeadline);
        Assert.Single(await ListAsync(filter: new RecommendationFilter { FollowUp = true }));
    }

    [Fact]
    public async Task List_Filters_SelectByThemeSdgStatusInstitutionAndWords()
    {
        await ImportAsync(Morocco);
        var all = await ListAsync();
        await _host.SendAsync(new AssignRecommendation("MAR", all[1].Id, "justice", []));

        Assert.Single(await ListAsync(filter: new RecommendationFilter { Theme = "Access to justice" }));
        Assert.Equal(2, (await ListAsync(filter: new RecommendationFilter { Sdg = "5.2" })).Count);
        Assert.Single(await ListAsync(filter: new RecommendationFilter { Institution = "justice" }));
        Assert.Equal("14", Assert.Single(await ListAsync(filter: new RecommendationFilter { Query = "rural justice" })).Paragraph);
        Assert.Empty(await ListAsync(filter: new RecommendationFilter { Query = "\"; DROP TABLE x; --" }));
        Assert.Equal(2, (await ListAsync(filter: new RecommendationFilter { Status = ImplementationStatus.NotStarted })).Count);
        var summary = (await _host.SendAsync(new SummarizeRecommendations("MAR", new RecommendationFilter()))).Value;
        Assert.Equal((2, 1, 1), (summary.Total, summary.ByInstitution["justice"], summary.ByInstitution["(unassigned)"]));
        Assert.Equal(2, summary.BySdgGoal["5"]);
    }

    [Fact]
    public async Task Summary_ByStatusInstitutionAndBody_AddsUpToTheSelectedAndOrdersByCountThenCode()
    {
        await ImportAsync(Uhri(
            ("6a1f0c3e-0000-4000-8000-000000000011", "Morocco", "CEDAW", "CEDAW/C/MAR/CO/5-6", "12. The Committee recommends that the State party adopt a law on violence against women.", "\"Women\""),
            ("6a1f0c3e-0000-4000-8000-000000000012", "Morocco", "CEDAW", "CEDAW/C/MAR/CO/5-6", "14. The Committee recommends that the State party ensure access to justice for rural women.", "\"Access to justice\""),
            ("6a1f0c3e-0000-4000-8000-000000000013", "Morocco", "CAT", "CAT/C/MAR/CO/4", "9. The Committee recommends that the State party investigate allegations of ill-treatment by police.", "\"Torture\""),
            ("6a1f0c3e-0000-4000-8000-000000000014", "Morocco", "CAT", "CAT/C/MAR/CO/4", "10. The Committee recommends that the State party strengthen the national preventive mechanism.", "\"Torture\""),
            ("6a1f0c3e-0000-4000-8000-000000000015", "Morocco", "CRC", "CRC/C/MAR/CO/5-6", "20. The Committee recommends that the State party protect girls from early marriage.", "\"Women\"")));
        var all = await ListAsync();
        Guid Id(string paragraph) => all.Single(r => r.Paragraph == paragraph).Id;
        await _host.SendAsync(new AssignRecommendation("MAR", Id("12"), "justice", []));
        await _host.SendAsync(new AssignRecommendation("MAR", Id("9"), "justice", []));
        await _host.SendAsync(new AssignRecommendation("MAR", Id("10"), "interieur", ["justice"]));
        await _host.SendAsync(new SetRecommendationStatus("MAR", Id("9"), ImplementationStatus.InProgress, null, "justice", "inquiry opened"));

        async Task<RecommendationSummary> SummaryAsync(RecommendationFilter filter, string? onlyInstitution = null) =>
            (await _host.SendAsync(new SummarizeRecommendations("MAR", filter, onlyInstitution))).Value;
        var everything = await SummaryAsync(new RecommendationFilter());
        var torture = await SummaryAsync(new RecommendationFilter { Theme = "Torture" });
        var cedaw = await SummaryAsync(new RecommendationFilter { Body = "cedaw" });
        var notStarted = await SummaryAsync(new RecommendationFilter { Status = ImplementationStatus.NotStarted });
        var justice = await SummaryAsync(new RecommendationFilter(), onlyInstitution: "justice");

        Assert.Equal(5, everything.Total);
        Assert.Equal([("not-started", 4), ("in-progress", 1)], everything.ByStatus.Select(p => (p.Key, p.Value)));
        // Equal counts in the order of the codes; the unassigned after the institutions they equal.
        Assert.Equal([("justice", 2), ("(unassigned)", 2), ("interieur", 1)], everything.ByInstitution.Select(p => (p.Key, p.Value)));
        Assert.Equal([("cat", 2), ("cedaw", 2), ("crc", 1)], everything.ByBody.Select(p => (p.Key, p.Value)));
        Assert.Equal((2, 1, 1), (torture.Total, torture.ByInstitution["interieur"], torture.ByInstitution["justice"]));
        Assert.Equal(["interieur", "justice"], torture.ByInstitution.Keys);
        Assert.Equal(2, Assert.Single(torture.ByBody).Value);
        Assert.Equal([("justice", 1), ("(unassigned)", 1)], cedaw.ByInstitution.Select(p => (p.Key, p.Value)));
        Assert.Equal(("cedaw", 2), (Assert.Single(cedaw.ByBody).Key, cedaw.Total));
        Assert.Equal((4, 2), (notStarted.Total, notStarted.ByInstitution["(unassigned)"]));
        Assert.False(notStarted.ByStatus.ContainsKey("in-progress"));
        // A focal point's summary: the records their institution leads or supports, none unassigned.
        Assert.Equal((3, 2, 1), (justice.Total, justice.ByInstitution["justice"], justice.ByInstitution["interieur"]));
        Assert.DoesNotContain("(unassigned)", justice.ByInstitution.Keys);
        Assert.All(new[] { everything, torture, cedaw, notStarted, justice }, s =>
        {
            Assert.Equal(s.Total, s.ByStatus.Values.Sum());
            Assert.Equal(s.Total, s.ByInstitution.Values.Sum());
            Assert.Equal(s.Total, s.ByBody.Values.Sum());
        });
    }

    [Fact]
    public async Task Summary_WithoutFilter_CountsKeptByTheDatabaseFollowEveryChange()
    {
        // Generated records (fixed seeds) for two countries, through the import's bulk insert.
        foreach (var (country, count, seed) in new[] { ("MAR", 200, 7), ("PRT", 60, 8) })
        {
            using var file = new MemoryStream();
            await UhriGenerator.WriteAsync(file, count, seed, country);
            Assert.True((await _host.SendAsync(new ImportRecommendations(country, new MemoryStream(file.ToArray()), "uhri.json", null, null, false, false, false))).IsSuccess);
        }

        var all = await ListAsync();
        for (var i = 0; i < 60; i++)
        {
            await _host.SendAsync(new AssignRecommendation("MAR", all[i].Id, i % 3 == 0 ? "interieur" : "justice", []));
        }

        for (var i = 0; i < 10; i++)
        {
            // Reassigned, then unassigned.
            await _host.SendAsync(new AssignRecommendation("MAR", all[i].Id, i < 5 ? "interieur" : null, []));
        }

        for (var i = 30; i < 50; i++)
        {
            await _host.SendAsync(new SetRecommendationStatus("MAR", all[i].Id, i < 40 ? ImplementationStatus.InProgress : ImplementationStatus.Implemented, null, "justice", null));
        }

        await _host.SendAsync(new AddThemes("MAR", all[100].Id, ["Water"]));
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            // No use case deletes a recommendation; the database's own deletion (and its cascade to the tags) keeps the counts too.
            var db = scope.ServiceProvider.GetRequiredService<RecommendationsDbContext>();
            Assert.Equal(3, await db.Recommendations.Where(r => r.Id == all[197].Id || r.Id == all[198].Id || r.Id == all[199].Id).ExecuteDeleteAsync());
        }

        var rows = await ListAsync();
        var summary = (await _host.SendAsync(new SummarizeRecommendations("MAR", new RecommendationFilter()))).Value;
        var firstPage = (await _host.SendAsync(new ListRecommendations("MAR", new RecommendationFilter(), 1, 10))).Value;

        static List<(string, int)> Sorted(IEnumerable<KeyValuePair<string, int>> counts) => counts.Select(c => (c.Key, c.Value)).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        static List<(string, int)> Count(IEnumerable<string> keys) => keys.GroupBy(k => k).Select(g => (g.Key, g.Count())).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(197, rows.Count);
        Assert.Equal((197, 197), (summary.Total, firstPage.Total));
        Assert.Equal(Count(rows.Select(r => Names.Kebab(r.Status.ToString()))), Sorted(summary.ByStatus));
        Assert.Equal(Count(rows.Select(r => r.LeadInstitution ?? "(unassigned)")), Sorted(summary.ByInstitution));
        Assert.Equal(Count(rows.Select(r => r.Body)), Sorted(summary.ByBody));
        Assert.Equal(Count(rows.SelectMany(r => r.SdgGoals)), Sorted(summary.BySdgGoal));
        Assert.Equal([("implemented", 10), ("in-progress", 10)], Sorted(summary.ByStatus).Where(s => s.Item1 != "not-started"));
        Assert.Equal(60, (await _host.SendAsync(new SummarizeRecommendations("PRT", new RecommendationFilter()))).Value.Total);
    }

    [Fact]
    public async Task FocalPoint_SeesAndReportsOnlyOnTheirInstitutionsRecommendations()
    {
        await ImportAsync(Morocco);
        var all = await ListAsync();
        await _host.SendAsync(new AssignRecommendation("MAR", all[0].Id, "interieur", ["justice"]));

        var mine = await ListAsync(onlyInstitution: "justice");
        var other = await _host.SendAsync(new GetRecommendation("MAR", all[1].Id, "justice"));
        var refused = await _host.SendAsync(new AddProgress("MAR", all[1].Id, null, "justice", "done", [], [], OnlyInstitution: "justice"));
        var notTheirs = await _host.SendAsync(new AddProgress("MAR", all[0].Id, null, "interieur", "done", [], [], OnlyInstitution: "justice"));
        var accepted = await _host.SendAsync(new AddProgress("MAR", all[0].Id, null, "justice", "done", [], [], OnlyInstitution: "justice"));

        Assert.Equal(all[0].Id, Assert.Single(mine).Id);
        Assert.Equal(ErrorKind.NotFound, other.ErrorKind);
        Assert.Equal(ErrorKind.NotFound, refused.ErrorKind);
        Assert.Equal("institution", Assert.Single(notTheirs.Errors).Field);
        Assert.True(accepted.IsSuccess);
    }

    [Fact]
    public async Task Progress_WithEvidence_StoresTheFileUnderItsOwnNameAndRefusesPaths()
    {
        await ImportAsync(Morocco);
        var id = (await ListAsync())[0].Id;

        var traversal = await _host.SendAsync(new AddProgress("MAR", id, null, "justice", "text", [], [new EvidenceUpload("../../secret.txt", "text/plain", new MemoryStream([1]))]));
        var badLink = await _host.SendAsync(new AddProgress("MAR", id, null, "justice", "text", ["javascript:alert(1)"], []));
        var stored = await _host.SendAsync(new AddProgress("MAR", id, new DateOnly(2026, 11, 1), "justice", "Circular sent to prosecutors", ["https://example.org/circular"],
            [new EvidenceUpload("Circulaire n° 12.pdf", "application/pdf", new MemoryStream(Encoding.UTF8.GetBytes("%PDF-1.7 test")))]));
        var evidence = stored.Value.Evidence[0];
        var download = await _host.SendAsync(new GetEvidence("MAR", id, evidence.Id));

        Assert.Equal("evidence[0].fileName", Assert.Single(traversal.Errors).Field);
        Assert.Equal("links[0]", Assert.Single(badLink.Errors).Field);
        Assert.Equal(("Circulaire n° 12.pdf", 13L), (evidence.Label, evidence.Size));
        await using (var content = download.Value.Content)
        {
            Assert.Equal("%PDF-1.7 test", await new StreamReader(content).ReadToEndAsync());
        }

        var detail = (await _host.SendAsync(new GetRecommendation("MAR", id))).Value;
        Assert.Equal("Circular sent to prosecutors", Assert.Single(detail.Progress).Narrative);
    }

    [Fact]
    public async Task Assign_UnknownInstitutionOrStatusInTheFuture_IsRefused()
    {
        await ImportAsync(Morocco);
        var id = (await ListAsync())[0].Id;

        var assign = await _host.SendAsync(new AssignRecommendation("MAR", id, "nowhere", ["justice", "justice-x"]));
        var status = await _host.SendAsync(new SetRecommendationStatus("MAR", id, ImplementationStatus.Implemented, new DateOnly(2027, 1, 1), null, null));

        Assert.Equal(["lead", "supporting[1]"], assign.Errors.Select(e => e.Field));
        Assert.Equal("on", Assert.Single(status.Errors).Field);
    }

    [Fact]
    public async Task List_OneTagAsTheOnlyFilter_CountsTheCountrysMatchesOnly()
    {
        // The same generated records in two countries: the total for one tag counts the asked country's only.
        foreach (var country in new[] { "MAR", "PRT" })
        {
            using var file = new MemoryStream();
            await UhriGenerator.WriteAsync(file, 300, country: country);
            file.Position = 0;
            Assert.True((await _host.SendAsync(new ImportRecommendations(country, file, "uhri.json", RecommendationFormat.UhriJson))).IsSuccess);
        }

        var theme = (await ListAsync()).First(r => r.Themes.Count > 0).Themes[0];
        var tagOnly = (await _host.SendAsync(new ListRecommendations("MAR", new RecommendationFilter { Theme = theme }, 1, 1))).Value.Total;
        var withAnotherFilter = (await _host.SendAsync(new ListRecommendations("MAR", new RecommendationFilter { Theme = theme, FollowUp = false }, 1, 1))).Value.Total;
        var listed = (await ListAsync()).Count(r => r.Themes.Contains(theme));

        Assert.InRange(listed, 2, 299);
        Assert.Equal((listed, listed), (tagOnly, withAnotherFilter));
    }

    [Fact]
    public async Task List_ManyMatches_ReadsTheSamePagesAsTheFullOrderedList()
    {
        // With many matches a page is read by walking the list's index; it must be the page the sorted matches give.
        using var file = new MemoryStream();
        await UhriGenerator.WriteAsync(file, 3000, country: "MAR");
        file.Position = 0;
        Assert.True((await _host.SendAsync(new ImportRecommendations("MAR", file, "uhri.json", RecommendationFormat.UhriJson))).IsSuccess);
        var filter = new RecommendationFilter { Sdg = "16" };

        Page<RecommendationView> page;
        var threshold = QueryHandlers.DenseMatches;
        QueryHandlers.DenseMatches = 100;
        try
        {
            page = (await _host.SendAsync(new ListRecommendations("MAR", filter, 2, 50))).Value;
        }
        finally
        {
            QueryHandlers.DenseMatches = threshold;
        }

        var all = new List<Guid>();
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            await foreach (var item in await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new StreamRecommendations("MAR", filter)))
            {
                all.Add(item.Id);
            }
        }

        Assert.True(page.Total > 100, $"only {page.Total} matches");
        Assert.Equal(page.Total, all.Count);
        Assert.Equal(all.Skip(50).Take(50), page.Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData(false, 0.0, true)]
    [InlineData(true, 0.0, true)]
    [InlineData(false, 1e9, true)]
    [InlineData(true, 1e9, true)]
    [InlineData(false, 0.0, false)]
    [InlineData(false, 1e9, false)]
    public async Task List_SearchWithManyMatches_CountsThisCountrysAndReadsTheSamePagesAsTheFullOrderedList(bool withBody, double probeCost, bool withOtherCountry)
    {
        // Both ways of reading the page: each walked row tested against the search index (a probe costs nothing), and
        // the matches read once and tested in memory (a probe costs more than any read); with another country in the
        // database (the search names its scope) and without (it does not).
        // A search alone (and with a body) is counted and paged from the search index; it must agree with the list.
        foreach (var (country, count) in withOtherCountry ? new[] { ("MAR", 3000), ("PRT", 500) } : [("MAR", 3000)])
        {
            using var file = new MemoryStream();
            await UhriGenerator.WriteAsync(file, count, country: country);
            file.Position = 0;
            Assert.True((await _host.SendAsync(new ImportRecommendations(country, file, "uhri.json", RecommendationFormat.UhriJson))).IsSuccess);
        }

        var sample = (await _host.SendAsync(new ListRecommendations("MAR", new RecommendationFilter(), 1, 200))).Value.Items;
        var word = sample.SelectMany(r => r.Text.Split(' ')).Where(w => w.Length >= 5 && w.All(char.IsLetter))
            .GroupBy(w => w.ToLowerInvariant()).OrderByDescending(g => g.Count()).First().Key;
        var filter = new RecommendationFilter { Query = word, Body = withBody ? sample[^1].Body : null };

        Page<RecommendationView> page;
        var threshold = QueryHandlers.DenseMatches;
        var cost = FullText.ProbeCostInReads;
        QueryHandlers.DenseMatches = 100;
        FullText.ProbeCostInReads = probeCost;
        try
        {
            page = (await _host.SendAsync(new ListRecommendations("MAR", filter, 2, 50))).Value;
        }
        finally
        {
            QueryHandlers.DenseMatches = threshold;
            FullText.ProbeCostInReads = cost;
        }

        var all = new List<Guid>();
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            await foreach (var item in await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new StreamRecommendations("MAR", filter)))
            {
                all.Add(item.Id);
            }
        }

        Assert.True(page.Total > 100, $"only {page.Total} matches of '{word}'");
        Assert.Equal(all.Count, page.Total);
        Assert.Equal(all.Skip(50).Take(50), page.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task SearchScope_IsLeftOutOnlyWhileTheDatabaseHoldsNothingOutsideIt()
    {
        await ImportAsync(Morocco);
        var before = await ScopesAsync();
        using (var file = new MemoryStream())
        {
            await UhriGenerator.WriteAsync(file, 20, country: "PRT");
            file.Position = 0;
            Assert.True((await _host.SendAsync(new ImportRecommendations("PRT", file, "uhri.json", RecommendationFormat.UhriJson))).IsSuccess);
        }

        var after = await ScopesAsync();
        var morocco = (await ListAsync()).Count;

        // Morocco's two CEDAW recommendations alone: neither the country nor its body needs a scope word; once Portugal's
        // are in, both do. A body it has none of always does.
        Assert.Equal(2, morocco);
        Assert.Equal([(null, 2), (null, 2), ("inmarccpr", 0)], before.Select(s => (s.Word, s.Size)));
        Assert.Equal([("countrymar", 2), ("inmarcedaw", 2), ("inmarccpr", 0)], after.Select(s => (s.Word, s.Size)));

        async Task<List<FullText.SearchScope>> ScopesAsync()
        {
            await using var scope = _host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RecommendationsDbContext>();
            var scopes = new List<FullText.SearchScope>();
            foreach (var body in new[] { null, "cedaw", "ccpr" })
            {
                scopes.Add(await FullText.ScopeAsync(db, "MAR", body, CancellationToken.None));
            }

            return scopes;
        }
    }

    [Fact]
    public async Task Cluster_GroupsRecommendationsAndFiltersTheList()
    {
        await ImportAsync(Morocco);
        var all = await ListAsync();

        var saved = await _host.SendAsync(new SaveCluster("MAR", "violence", "Violence against women", null));
        var members = await _host.SendAsync(new ChangeClusterMembers("MAR", "violence", [all[0].Id, Guid.NewGuid()], []));
        var added = await _host.SendAsync(new ChangeClusterMembers("MAR", "violence", [all[0].Id], []));
        var badCode = await _host.SendAsync(new SaveCluster("MAR", "Violence Cluster", "x", null));

        Assert.True(saved.IsSuccess);
        Assert.Equal(ErrorKind.NotFound, members.ErrorKind);
        Assert.Equal(1, added.Value.Recommendations);
        Assert.Equal("code", Assert.Single(badCode.Errors).Field);
        Assert.Equal(all[0].Id, Assert.Single(await ListAsync(filter: new RecommendationFilter { Cluster = "violence" })).Id);
        Assert.Equal(1, Assert.Single(await _host.SendAsync(new ListClusters("MAR"))).Recommendations);
    }

    [Fact]
    public async Task Suggestions_ComeFromTheMostSimilarAssignedRecommendations()
    {
        await ImportAsync(Morocco);
        var all = await ListAsync();
        var violence = all.Single(r => r.Paragraph == "12");
        var justice = all.Single(r => r.Paragraph == "14");
        await _host.SendAsync(new AssignRecommendation("MAR", justice.Id, "justice", []));
        await ImportAsync(Uhri(("6a1f0c3e-0000-4000-8000-000000000009", "Morocco", "CEDAW", "CEDAW/C/MAR/CO/5-6",
            "20. The Committee recommends that the State party improve access to justice for women in rural areas.", "")));
        var unassigned = (await ListAsync()).Single(r => r.Paragraph == "20");

        var suggestion = (await _host.SendAsync(new SuggestForRecommendation("MAR", unassigned.Id))).Value;

        var lead = suggestion.LeadInstitutions[0];
        Assert.Equal("justice", lead.Value);
        Assert.Contains(justice.Id, lead.SupportingIds);
        Assert.Contains(suggestion.Themes, t => t.Value == "Access to justice");
        Assert.DoesNotContain(violence.Id, lead.SupportingIds);
    }
}
