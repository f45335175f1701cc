using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Nmirf.BuildingBlocks.Bodies;
using Nmirf.Host.Plugins;
using Nmirf.Mandates.Instruments;
using Nmirf.Plugins.Abstractions;
using Nmirf.Workflows.Definitions;

namespace Nmirf.Plugins.Tests;

/// <summary>The same checks for every staged plugin: the ten of plugins/ and the sample of docs/plugins.md.</summary>
public partial class ConformanceTests
{
    private static readonly string StagedFolder = Path.Combine(AppContext.BaseDirectory, "plugins");
    private static readonly PluginCatalog Catalog = PluginCatalog.Load(StagedFolder, null, new ServiceCollection());

    private static readonly string[] Placeholders = ["ISO3", "n", "session", "k", "year"];

    private static string[] Folders => [.. Directory.GetDirectories(StagedFolder).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    public static TheoryData<string> StagedPlugins => [.. Folders];

    [GeneratedRegex(@"\{(?<name>[^}]*)\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void Staging_HoldsTheTenBodiesAndTheSample() =>
        Assert.Equal(["achpr", "cat", "ccpr", "ced", "cedaw", "cerd", "cescr", "cmw", "crc", "crpd", "upr"], Folders);

    [Theory]
    [MemberData(nameof(StagedPlugins))]
    public void Plugin_Loads_AndItsManifestMatchesItsDescriptorAndFolder(string folder)
    {
        var status = Assert.Single(Catalog.Plugins, p => Path.GetFileName(p.Folder) == folder);

        Assert.True(status.State == PluginState.Loaded, status.Reason);
        Assert.Equal(folder, status.Id);
        var body = Catalog.Find(folder)!;
        Assert.Equal(status.Name, body.Descriptor.Name);
        Assert.Matches(@"^\d+\.\d+\.\d+$", status.Version);
        Assert.Equal(PluginContract.Version, status.ContractVersion);
    }

    [Theory]
    [MemberData(nameof(StagedPlugins))]
    public void Descriptor_IsComplete(string folder)
    {
        var descriptor = Catalog.Find(folder)!.Descriptor;

        Assert.False(string.IsNullOrWhiteSpace(descriptor.Name));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Acronym));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Treaty));
        Assert.NotEmpty(descriptor.Structure.Parts);
        Assert.Equal(descriptor.Structure.Parts.Count, descriptor.Structure.Parts.Select(p => p.Id).Distinct().Count());
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Structure.Source));
        Assert.Equal(descriptor.Instruments.Count, descriptor.Instruments.Select(i => i.RulePrefix).Distinct().Count());
        if (descriptor.Kind == BodyKind.TreatyBody)
        {
            Assert.NotEmpty(descriptor.Instruments);
            Assert.All(descriptor.Instruments, i => Assert.NotNull(InstrumentCatalog.Find(i.Code)));
            Assert.All(descriptor.Instruments, i => Assert.Equal(folder, InstrumentCatalog.Find(i.Code)!.Body));
        }
    }

    [Theory]
    [MemberData(nameof(StagedPlugins))]
    public void Rules_AreCompleteSourcedAndWellTyped(string folder)
    {
        var body = Catalog.Find(folder)!;
        var rules = body.Rules;

        Assert.All(rules.All, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Source), rule.Key);
            Assert.Null(rule.ProblemWith(rule.Value));
            Assert.True(rule.Verified || rule.Source.Contains("unverified", StringComparison.Ordinal), $"{rule.Key} is unverified but its source does not say so");
        });
        Assert.All(rules.All.Where(r => r.Key.StartsWith(RuleKeys.WordLimitPrefix, StringComparison.Ordinal)), rule =>
        {
            Assert.NotNull(DocumentKinds.Parse(rule.Key[RuleKeys.WordLimitPrefix.Length..]));
            Assert.InRange(rule.AsNumber(), 1000, 100000);
        });

        switch (body.Descriptor.Kind)
        {
            case BodyKind.TreatyBody:
                foreach (var instrument in body.Descriptor.Instruments)
                {
                    Assert.NotNull(rules.Find(instrument.RulePrefix + RuleKeys.InitialReportDueAfter));
                }

                Assert.NotNull(rules.Find(RuleKeys.SimplifiedProcedureDefault));
                Assert.NotNull(rules.Find(RuleKeys.WordLimit(DocumentKind.PeriodicReport)));
                if (body.Descriptor.Instruments[0].PeriodicReports)
                {
                    Assert.True(rules.Find(RuleKeys.PeriodicReportEvery) is not null || rules.Find(RuleKeys.PredictableReviewCycle) is not null);
                }

                break;
            case BodyKind.PeerReview:
                Assert.NotNull(rules.Find(RuleKeys.ReviewCycleLength));
                Assert.NotEmpty(rules.Cycles);
                Assert.Equal(Enumerable.Range(1, rules.Cycles.Count), rules.Cycles.Select(c => c.Number));
                break;
            default:
                Assert.True(rules.Find(RuleKeys.PeriodicReportEvery) is not null || rules.Find(RuleKeys.InitialReportDueAfter) is not null);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(StagedPlugins))]
    public void SymbolPatterns_UseKnownPlaceholdersAndLegacyOnesHaveNoCountry(string folder)
    {
        var body = Catalog.Find(folder)!;

        Assert.Equal(body.Rules.Symbols.Count, body.Rules.Symbols.Select(s => s.Pattern).Distinct().Count());
        Assert.All(body.Rules.Symbols, pattern =>
        {
            Assert.All(Placeholder().Matches(pattern.Pattern), m => Assert.Contains(m.Groups["name"].Value, Placeholders));
            Assert.False(string.IsNullOrWhiteSpace(pattern.Source));
            Assert.True(pattern.Verified || pattern.Source.Contains("unverified", StringComparison.Ordinal) || pattern.Source.Contains("inferred", StringComparison.Ordinal), pattern.Pattern);
            if (pattern.Legacy)
            {
                Assert.DoesNotContain("{ISO3}", pattern.Pattern, StringComparison.Ordinal);
            }
        });
        if (body.Descriptor.Kind == BodyKind.TreatyBody)
        {
            Assert.Contains(body.Rules.Symbols, s => s.Kind == DocumentKind.PeriodicReport && !s.Legacy);
            Assert.Contains(body.Rules.Symbols, s => s.Kind == DocumentKind.ConcludingObservations && !s.Legacy);
        }
    }

    [Theory]
    [MemberData(nameof(StagedPlugins))]
    public void Workflows_ParseAndUseTheClosedVocabulary(string folder)
    {
        var body = Catalog.Find(folder)!;

        Assert.NotEmpty(body.Workflows);
        Assert.All(body.Workflows, workflow =>
        {
            // The reader an administrator's import goes through: every check, not only the JSON's shape. The
            // bodies known are those staged, so a default naming another plugin's body would fail here too.
            var (document, errors) = DefinitionReader.Read(workflow.Json, id => Catalog.Find(id) is not null);

            Assert.True(errors.Count == 0, $"{workflow.Id}: {string.Join(Environment.NewLine, errors)}");
            Assert.Equal(workflow.Id, document!.Id);
            Assert.Equal(folder, document.Body);
            Assert.Equal(workflow.Name, document.Name);
            Assert.Null(document.Country);
            Assert.All(document.AllSteps, step => Assert.Contains(step.Type, Activities.BuiltIn));
        });
    }

    [Theory]
    [MemberData(nameof(StagedPlugins))]
    public void Templates_AreScribanFilesNamedByDocument(string folder)
    {
        var templates = Path.Combine(StagedFolder, folder, "templates");
        var documents = Directory.Exists(templates) ? Directory.GetFiles(templates, "*", SearchOption.TopDirectoryOnly) : [];
        var partials = Path.Combine(templates, "partials");
        var included = Directory.Exists(partials) ? Directory.GetFiles(partials, "*", SearchOption.AllDirectories) : [];
        var others = Directory.Exists(templates) ? Directory.GetDirectories(templates).Where(d => Path.GetFileName(d) != "partials") : [];

        // Documents are <document>.<lang>.md.scriban (templates write Markdown); partials are what templates include.
        Assert.All(documents, f => Assert.Matches(@"^[a-z0-9-]+\.[a-z]{2}\.md\.scriban$", Path.GetFileName(f)));
        Assert.All(included, f => Assert.Matches(@"^[a-z0-9-]+(\.[a-z]{2})?\.scriban$", Path.GetFileName(f)));
        Assert.Empty(others);
    }
}
