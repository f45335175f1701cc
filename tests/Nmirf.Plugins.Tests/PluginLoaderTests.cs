using Microsoft.Extensions.DependencyInjection;
using Nmirf.BuildingBlocks.Bodies;
using Nmirf.Host.Plugins;

namespace Nmirf.Plugins.Tests;

/// <summary>The host's real loader against plugins broken in every way the issue lists; the good ones still load.</summary>
public sealed class PluginLoaderTests : IDisposable
{
    private readonly FixturePlugins _fixtures = new();

    public void Dispose() => _fixtures.Dispose();

    private PluginStatus LoadOne(string folder)
    {
        var catalog = PluginCatalog.Load(_fixtures.Folder, null, new ServiceCollection());
        return Assert.Single(catalog.Plugins, p => Path.GetFileName(p.Folder) == folder);
    }

    [Fact]
    public void WellFormedFixture_Loads()
    {
        _fixtures.Add("good", FixturePlugins.PluginClass("good"));

        var catalog = PluginCatalog.Load(_fixtures.Folder, null, new ServiceCollection());

        Assert.Equal(PluginState.Loaded, Assert.Single(catalog.Plugins).State);
        Assert.Equal("good", Assert.Single(catalog.Bodies).Id);
    }

    [Theory]
    [InlineData("{ \"id\": \"bad\", ", "not valid JSON")]
    [InlineData("[1, 2]", "expected an object")]
    [InlineData("{ \"id\": \"bad\" }", "'name' is missing; 'version' is missing; 'contractVersion' is missing; 'entryAssembly' is missing")]
    [InlineData("{ \"id\": \"Bad Id\", \"name\": \"x\", \"version\": \"1\", \"contractVersion\": \"one\", \"entryAssembly\": \"../x.dll\", \"colour\": 1 }", "unknown field 'colour'; 'id' is 'Bad Id'")]
    [InlineData("{ \"id\": 7, \"name\": \"x\", \"version\": \"1.0.0\", \"contractVersion\": \"1.0\", \"entryAssembly\": \"x.dll\" }", "'id' must be a non-empty string")]
    public void BadManifest_IsSkippedWithTheFileAndTheFault(string manifest, string reason)
    {
        _fixtures.Add("bad", null, manifest);
        _fixtures.Add("good", FixturePlugins.PluginClass("good"));

        var status = LoadOne("bad");

        Assert.Equal(PluginState.Failed, status.State);
        Assert.Contains("plugin.json", status.Reason, StringComparison.Ordinal);
        Assert.Contains(reason, status.Reason, StringComparison.Ordinal);
        Assert.Equal(PluginState.Loaded, LoadOne("good").State);
    }

    [Fact]
    public void NoManifest_IsSkipped()
    {
        Directory.CreateDirectory(Path.Combine(_fixtures.Folder, "empty"));

        Assert.Contains("no plugin.json", LoadOne("empty").Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2.0", "built against contract 2.0; this host provides contract 1.1")]
    [InlineData("1.9", "built against contract 1.9")]
    [InlineData("0.9", "built against contract 0.9")]
    public void WrongContractVersion_IsSkippedBeforeAnyCodeLoads(string contract, string reason)
    {
        _fixtures.Add("future", null, new { id = "future", name = "x", version = "1.0.0", contractVersion = contract, entryAssembly = "Fixture.dll" });

        Assert.Contains(reason, LoadOne("future").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingEntryAssembly_IsSkipped() =>
        Assert.Contains("entry assembly Fixture.dll is missing", LoadOne(Path.GetFileName(_fixtures.Add("noassembly", null))).Reason, StringComparison.Ordinal);

    [Fact]
    public void AssemblyWithoutPluginClass_IsSkipped()
    {
        _fixtures.Add("noclass", "public sealed class NotAPlugin { }");

        Assert.Contains("has no class implementing ITreatyBodyPlugin", LoadOne("noclass").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AssemblyWithTwoPluginClasses_IsSkipped()
    {
        _fixtures.Add("two", FixturePlugins.PluginClass("two", "First") + FixturePlugins.PluginClass("two", "Second").Replace("using Nmirf.Plugins.Abstractions;", "", StringComparison.Ordinal));

        Assert.Contains("has 2 plugin classes (First, Second)", LoadOne("two").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ConstructorThatThrows_IsSkippedWithTheException()
    {
        _fixtures.Add("throws", FixturePlugins.PluginClass("throws", constructor: "throw new System.InvalidOperationException(\"cannot start\");"));

        Assert.Equal("its code threw InvalidOperationException: cannot start", LoadOne("throws").Reason);
    }

    [Fact]
    public void ConfigureServicesThatThrows_IsSkipped()
    {
        _fixtures.Add("services", FixturePlugins.PluginClass("services",
            extra: "public void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) => throw new System.NotSupportedException(\"no services\");"));

        Assert.Contains("ConfigureServices threw NotSupportedException: no services", LoadOne("services").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DescriptorIdDifferentFromManifest_IsSkipped()
    {
        _fixtures.Add("mismatch", FixturePlugins.PluginClass("other"));

        Assert.Contains("descriptor's id 'other' differs from the id 'mismatch'", LoadOne("mismatch").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateId_SecondOneIsSkipped()
    {
        _fixtures.Add("dup-a", FixturePlugins.PluginClass("dup"), new { id = "dup", name = "x", version = "1.0.0", contractVersion = "1.0", entryAssembly = "Fixture.dll" });
        _fixtures.Add("dup-b", FixturePlugins.PluginClass("dup"), new { id = "dup", name = "x", version = "1.0.0", contractVersion = "1.0", entryAssembly = "Fixture.dll" });

        var catalog = PluginCatalog.Load(_fixtures.Folder, null, new ServiceCollection());

        Assert.Single(catalog.Bodies);
        Assert.Contains("duplicate id 'dup'", catalog.Plugins.Single(p => p.State == PluginState.Failed).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PluginServices_AreRegisteredInTheHost()
    {
        _fixtures.Add("withservice", FixturePlugins.PluginClass("withservice",
            extra: "public void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) => services.Add(new Microsoft.Extensions.DependencyInjection.ServiceDescriptor(typeof(System.IFormattable), 42));"));
        var services = new ServiceCollection();

        PluginCatalog.Load(_fixtures.Folder, null, services);

        Assert.Equal(42, services.BuildServiceProvider().GetRequiredService<IFormattable>());
    }

    [Fact]
    public void MissingPluginsFolder_GivesAnEmptyCatalog() =>
        Assert.Empty(PluginCatalog.Load(Path.Combine(_fixtures.Folder, "absent"), null, new ServiceCollection()).Plugins);
}
