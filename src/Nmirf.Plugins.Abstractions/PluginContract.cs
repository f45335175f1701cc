using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Nmirf.Plugins.Abstractions;

/// <summary>The version of this contract. A plugin's <c>plugin.json</c> names the version it was built against.</summary>
public static class PluginContract
{
    /// <summary>
    /// <c>major.minor</c>. The host loads a plugin whose contract version has the same major version and a minor
    /// version no greater than this one; any other plugin is refused before its code is loaded.
    /// </summary>
    /// <remarks>1.1 added <see cref="IWorkflowActivity"/>; plugins built against 1.0 load unchanged.</remarks>
    public const string Version = "1.1";
}

/// <summary>
/// One international body that reviews a state: a UN treaty body, the Universal Periodic Review, or a regional body.
/// A plugin assembly holds exactly one public, non-abstract class implementing this interface, with a public
/// parameterless constructor.
/// </summary>
public interface ITreatyBodyPlugin
{
    /// <summary>Who the body is and what a report to it is organised by.</summary>
    BodyDescriptor Descriptor { get; }

    /// <summary>The body's reporting rules, each with its source and whether that source was verified.</summary>
    ReportingRules Rules { get; }

    /// <summary>The default reporting-cycle workflows, as JSON documents, which a country may replace with its own.</summary>
    IReadOnlyList<WorkflowTemplate> Workflows { get; }

    /// <summary>Registers the plugin's own services (such as custom workflow activities). Most plugins add nothing.</summary>
    void ConfigureServices(IServiceCollection services)
    {
    }
}

/// <summary>What kind of body a plugin describes.</summary>
public enum BodyKind
{
    /// <summary>A committee of experts monitoring a core UN human-rights treaty.</summary>
    TreatyBody,

    /// <summary>A review of states by their peers, such as the Universal Periodic Review.</summary>
    PeerReview,

    /// <summary>A body of a regional human-rights system.</summary>
    Regional,
}

/// <summary>Who a body is.</summary>
/// <param name="Id">The plugin id: lower-case, such as <c>ccpr</c>; the same as in <c>plugin.json</c>.</param>
/// <param name="Name">The body's name, such as <c>Human Rights Committee</c>.</param>
/// <param name="Acronym">The acronym used in document symbols, such as <c>CCPR</c>.</param>
/// <param name="Treaty">The instrument the body monitors, or for a peer review the resolution that founded it.</param>
/// <param name="Kind">Treaty body, peer review or regional body.</param>
/// <param name="Instruments">The instruments whose ratification creates reporting obligations to the body.</param>
/// <param name="Structure">The articles or clusters a report to the body is organised by.</param>
public sealed record BodyDescriptor(
    string Id,
    string Name,
    string Acronym,
    string Treaty,
    BodyKind Kind,
    IReadOnlyList<ReportingInstrument> Instruments,
    ReportStructure Structure);

/// <summary>An instrument that creates reporting obligations to the body.</summary>
/// <param name="Code">The instrument's code in the mandate, such as <c>ICCPR</c> or <c>CRC-OPAC</c>.</param>
/// <param name="RulePrefix">
/// The prefix of this instrument's own rule keys, empty for the body's main treaty: CRC's protocols use
/// <c>opac.</c> and <c>opsc.</c> so that <c>opac.initial-report.due-after</c> applies to OPAC alone.
/// </param>
/// <param name="PeriodicReports">Whether the instrument has periodic reports of its own, or only an initial report.</param>
public sealed record ReportingInstrument(string Code, string RulePrefix = "", bool PeriodicReports = true);

/// <summary>How a report is organised: by articles of the treaty, by clusters of articles, or by sections.</summary>
public enum StructureKind
{
    /// <summary>One part per article or group of articles.</summary>
    Articles,

    /// <summary>Thematic clusters of articles, as CRC reports use.</summary>
    Clusters,

    /// <summary>Headings that are not articles, as the UPR national report uses.</summary>
    Sections,
}

/// <summary>The parts of a report, in the order the body's guidelines ask for them.</summary>
/// <param name="Kind">Articles, clusters or sections.</param>
/// <param name="Parts">The parts in order.</param>
/// <param name="Source">Where the structure comes from.</param>
/// <param name="Verified">False when the source could not be checked.</param>
public sealed record ReportStructure(StructureKind Kind, IReadOnlyList<ReportPart> Parts, string Source, bool Verified);

/// <summary>One part of a report.</summary>
/// <param name="Id">A short stable key, such as <c>art-6</c> or <c>cluster-3</c>.</param>
/// <param name="Title">The part's heading.</param>
/// <param name="Articles">The treaty articles the part covers, such as <c>6</c>, <c>24(3)</c>; empty for a section.</param>
public sealed record ReportPart(string Id, string Title, IReadOnlyList<string> Articles);

/// <summary>A default reporting-cycle workflow, as a JSON definition the workflow engine reads.</summary>
/// <param name="Id">The workflow's id, unique within the plugin.</param>
/// <param name="Name">A name for administrators.</param>
/// <param name="Json">The definition.</param>
public sealed record WorkflowTemplate(string Id, string Name, string Json)
{
    /// <summary>
    /// The workflows embedded in <paramref name="assembly"/> as resources named <c>workflows/&lt;id&gt;.json</c>
    /// (what <c>plugins/Plugin.props</c> does with the files of a plugin's <c>workflows</c> folder). Each
    /// document's <c>name</c> property names the workflow.
    /// </summary>
    public static IReadOnlyList<WorkflowTemplate> FromEmbeddedResources(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        const string prefix = "workflows/";
        var workflows = new List<WorkflowTemplate>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var json = reader.ReadToEnd();
            using var document = JsonDocument.Parse(json);
            var name = document.RootElement.TryGetProperty("name", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : resource;
            workflows.Add(new WorkflowTemplate(resource[prefix.Length..^".json".Length], name, json));
        }

        return workflows;
    }
}

/// <summary>
/// A workflow activity a plugin adds to the closed vocabulary, registered in
/// <see cref="ITreatyBodyPlugin.ConfigureServices"/> as a singleton <see cref="IWorkflowActivity"/>. Definitions use
/// it as a step of type <see cref="Type"/> with text parameters under <c>with</c>.
/// </summary>
public interface IWorkflowActivity
{
    /// <summary><c>plugin-id:name</c>, such as <c>achpr:notify-commission</c>.</summary>
    string Type { get; }

    /// <summary>The problems of a step's parameters, each a sentence; empty when they are fine. Called before a definition is saved.</summary>
    IReadOnlyList<string> Check(IReadOnlyDictionary<string, string> parameters);

    /// <summary>Runs the step; the values returned are what later decisions can read as <c>step-id.name</c>.</summary>
    Task<IReadOnlyDictionary<string, string>> RunAsync(ActivityContext context, CancellationToken cancellationToken);
}

/// <summary>What a plugin activity knows of the step it runs.</summary>
/// <param name="RunId">The cycle's workflow run.</param>
/// <param name="Country">The country, ISO 3166-1 alpha-3.</param>
/// <param name="Body">The body's plugin id.</param>
/// <param name="StepId">The step's id in the definition.</param>
/// <param name="Parameters">The step's <c>with</c> parameters.</param>
public sealed record ActivityContext(Guid RunId, string Country, string Body, string StepId, IReadOnlyDictionary<string, string> Parameters);
