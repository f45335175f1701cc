using Microsoft.Extensions.DependencyInjection;
using Nmirf.Host.Plugins;
using Nmirf.Plugins.Abstractions;

namespace Nmirf.Plugins.Tests;

/// <summary>A deployment's rule overrides: applied without a rebuild, refused whole when any entry is wrong.</summary>
public sealed class RuleOverrideTests : IDisposable
{
    private static readonly string Staged = Path.Combine(AppContext.BaseDirectory, "plugins");
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"nmirf-overrides-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_file);

    private PluginCatalog Load(string json)
    {
        File.WriteAllText(_file, json);
        return PluginCatalog.Load(Staged, _file, new ServiceCollection());
    }

    [Fact]
    public void ValidOverrides_ReplaceTheRulesAndSaySo()
    {
        var catalog = Load("""
            {
              "cescr": { "follow-up.deadline": { "value": "P2Y", "source": "E/C.12/2025/1, para. 12" } },
              "cat": { "follow-up.recommendations": "3-4", "word-limit.periodic-report": 20000 }
            }
            """);

        Assert.Empty(catalog.OverrideProblems);
        var deadline = catalog.Find("cescr")!.Rules.Find(RuleKeys.FollowUpDeadline)!;
        Assert.Equal(("P2Y", true), (deadline.Value, deadline.Verified));
        Assert.Contains("E/C.12/2025/1", deadline.Source, StringComparison.Ordinal);
        var cat = catalog.Find("cat")!;
        Assert.Equal(20000, cat.Rules.Find(RuleKeys.WordLimit(DocumentKind.PeriodicReport))!.AsNumber());
        Assert.Equal(["follow-up.recommendations", "word-limit.periodic-report"], cat.OverriddenRules.Order());
        Assert.Equal("P1Y", cat.Rules.Find(RuleKeys.InitialReportDueAfter)!.Value);
    }

    [Theory]
    [InlineData("{ \"cat\": { \"follow-up.deadline\": \"P2Y\" }, \"xyz\": { \"a\": \"b\" } }", ":1: no loaded plugin 'xyz'")]
    [InlineData("{\n  \"cat\": {\n    \"follow-up.deadline\": \"P2Y\",\n    \"nonsense.rule\": \"P1Y\"\n  }\n}", ":4: cat: no rule 'nonsense.rule'")]
    [InlineData("{\n  \"cat\": {\n    \"follow-up.deadline\": \"two years\"\n  }\n}", ":3: cat.follow-up.deadline: 'two years' is not an ISO 8601 period")]
    [InlineData("{ \"cat\": { \"word-limit.periodic-report\": \"many\" } }", "'many' is not a whole number")]
    [InlineData("{ \"cat\": { \"simplified-procedure.default\": \"yes\" } }", "'yes' is not true or false")]
    [InlineData("{ \"cat\": [1] }", "cat: expected an object keyed by rule")]
    [InlineData("{ \"cat\": { ", "not valid JSON")]
    public void BadOverrideFile_IsRefusedWholeNamingTheLine(string json, string problem)
    {
        var catalog = Load(json);

        Assert.Contains(catalog.OverrideProblems, p => p.StartsWith(_file, StringComparison.Ordinal) && p.Contains(problem, StringComparison.Ordinal));
        Assert.Empty(catalog.Bodies.SelectMany(b => b.OverriddenRules));
        Assert.Equal("P1Y", catalog.Find("cat")!.Rules.Find(RuleKeys.FollowUpDeadline)!.Value);
        Assert.Equal(11, catalog.Bodies.Count);
    }

    [Fact]
    public void MissingOverrideFile_IsReported() =>
        Assert.Contains("does not exist", Assert.Single(PluginCatalog.Load(Staged, _file, new ServiceCollection()).OverrideProblems), StringComparison.Ordinal);
}
