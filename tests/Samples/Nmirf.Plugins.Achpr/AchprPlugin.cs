using Microsoft.Extensions.DependencyInjection;
using Nmirf.Plugins.Abstractions;

namespace Nmirf.Plugins.Achpr;

/// <summary>
/// The African Commission on Human and Peoples' Rights, which receives a report from each state party every two
/// years under article 62 of the African Charter. A sample: its rules are not in the project's domain reference, so
/// each is flagged unverified and a deployment can override it.
/// </summary>
public sealed class AchprPlugin : ITreatyBodyPlugin
{
    private const string Unverified = "general knowledge (unverified)";

    public BodyDescriptor Descriptor { get; } = new(
        Id: "achpr",
        Name: "African Commission on Human and Peoples' Rights",
        Acronym: "ACHPR",
        Treaty: "African Charter on Human and Peoples' Rights",
        Kind: BodyKind.Regional,
        Instruments: [new ReportingInstrument("ACHPR-CHARTER")],
        Structure: new ReportStructure(
            StructureKind.Articles,
            [
                new("part-1", "Human and peoples' rights", ["1-26"]),
                new("part-2", "Duties", ["27-29"]),
            ],
            Source: "African Charter, Part I, chapters I and II: " + Unverified,
            Verified: false));

    public ReportingRules Rules { get; } = new(
        [
            Rule.Duration(RuleKeys.InitialReportDueAfter, "P2Y", "African Charter, art. 62: " + Unverified, verified: false),
            Rule.Duration(RuleKeys.PeriodicReportEvery, "P2Y", "African Charter, art. 62: a report every two years; " + Unverified, verified: false),
        ]);

    public IReadOnlyList<WorkflowTemplate> Workflows { get; } = WorkflowTemplate.FromEmbeddedResources(typeof(AchprPlugin).Assembly);

    /// <summary>Adds the sample's workflow activity to the vocabulary.</summary>
    public void ConfigureServices(IServiceCollection services) => services.AddSingleton<IWorkflowActivity, NotifySecretariat>();
}
