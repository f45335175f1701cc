using Microsoft.Extensions.DependencyInjection;
using Nmirf.Host.Plugins;
using Nmirf.Plugins.Abstractions;
using Nmirf.Workflows.Definitions;

namespace Nmirf.Plugins.Tests;

/// <summary>A plugin adds a workflow activity (the sample's achpr:notify-secretariat); definitions using it are checked by it.</summary>
public sealed class WorkflowActivityTests
{
    private static readonly IReadOnlyList<IWorkflowActivity> Activities = LoadActivities();

    private static List<IWorkflowActivity> LoadActivities()
    {
        var services = new ServiceCollection();
        PluginCatalog.Load(Path.Combine(AppContext.BaseDirectory, "plugins"), null, services);
        return [.. services.BuildServiceProvider().GetServices<IWorkflowActivity>()];
    }

    private sealed class Catalog : IActivityCatalog
    {
        public bool Knows(string type) => Activities.Any(a => a.Type == type);

        public IReadOnlyList<string> Check(string type, IReadOnlyDictionary<string, string> parameters) => Activities.Single(a => a.Type == type).Check(parameters);
    }

    private static (WorkflowDocument? Document, IReadOnlyList<DefinitionError> Errors) Read(string step) =>
        DefinitionReader.Read($$"""{ "id": "w", "version": 1, "name": "w", "body": "achpr", "steps": [ {{step}} ] }""", _ => true, new Catalog());

    [Fact]
    public void SamplePlugin_RegistersItsActivity()
    {
        Assert.Contains(Activities, a => a.Type == "achpr:notify-secretariat");
    }

    [Fact]
    public void Definition_UsingThePluginActivity_IsValid()
    {
        var (document, errors) = Read("""{ "id": "send", "type": "achpr:notify-secretariat", "with": { "channel": "email" } }""");

        Assert.Empty(errors);
        Assert.Equal("email", document!.Steps[0].With["channel"]);
    }

    [Fact]
    public void Definition_WithBadParametersForThePluginActivity_IsRefusedByThePlugin()
    {
        var (_, errors) = Read("""{ "id": "send", "type": "achpr:notify-secretariat", "with": { "channel": "pigeon" } }""");

        var error = Assert.Single(errors);
        Assert.Equal("$.steps[0].with", error.Path);
        Assert.Contains("channel 'pigeon' is not one of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Definition_UsingAnActivityNoPluginRegisters_IsRefused()
    {
        var (_, errors) = Read("""{ "id": "send", "type": "achpr:fax-the-commission" }""");

        Assert.Contains("unknown activity 'achpr:fax-the-commission'", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activity_Runs_AndGivesItsValues()
    {
        var activity = Activities.Single(a => a.Type == "achpr:notify-secretariat");

        var values = await activity.RunAsync(new ActivityContext(Guid.Parse("0123456789abcdef0123456789abcdef"), "MAR", "achpr", "send", new Dictionary<string, string> { ["channel"] = "post" }), CancellationToken.None);

        Assert.Equal("post", values["channel"]);
        Assert.Equal("ACHPR-MAR-01234567", values["reference"]);
    }
}
