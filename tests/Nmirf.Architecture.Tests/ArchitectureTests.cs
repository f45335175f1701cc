using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nmirf.BuildingBlocks.Persistence;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Host.Composition;

namespace Nmirf.Architecture.Tests;

/// <summary>The rules of the modular monolith (architecture.md), checked on the compiled assemblies and the project files.</summary>
public class ArchitectureTests
{
    /// <summary>The modules: one project each, talking to one another only through their public contracts and the mediator.</summary>
    private static readonly string[] Modules = ["Nmirf.Accounts", "Nmirf.Drafting", "Nmirf.Mandates", "Nmirf.Recommendations", "Nmirf.Reporting", "Nmirf.Workflows"];

    private static readonly Assembly Host = typeof(NmirfServices).Assembly;

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    [Fact]
    public void ModuleList_CoversEveryModuleProjectInSrc()
    {
        var infrastructure = new[] { "Nmirf.Host", "Nmirf.BuildingBlocks", "Nmirf.Plugins.Abstractions", "Nmirf.Persistence.Sqlite", "Nmirf.Persistence.SqlServer" };

        var projects = Directory.GetDirectories(Path.Combine(RepositoryRoot(), "src")).Select(Path.GetFileName).Except(infrastructure);

        Assert.Equal(Modules.Order(), projects.Order());
    }

    [Fact]
    public void OnlyTheWorkflowsModule_ReferencesTheWorkflowKernel()
    {
        var others = Modules.Where(m => m != "Nmirf.Workflows").Append("nmirf").Append("Nmirf.BuildingBlocks");

        Assert.Contains(Load("Nmirf.Workflows").GetReferencedAssemblies(), a => a.Name == "WorkflowCore");
        Assert.All(others, module => Assert.DoesNotContain(Load(module).GetReferencedAssemblies(), a => a.Name == "WorkflowCore"));
    }

    [Fact]
    public void OnlyTheDraftingModule_ReferencesTheTemplateEngine()
    {
        var others = Modules.Where(m => m != "Nmirf.Drafting").Append("nmirf").Append("Nmirf.BuildingBlocks");

        Assert.Contains(Load("Nmirf.Drafting").GetReferencedAssemblies(), a => a.Name == "Scriban.Signed");
        Assert.All(others, module => Assert.DoesNotContain(Load(module).GetReferencedAssemblies(), a => a.Name!.StartsWith("Scriban", StringComparison.Ordinal)));
    }

    [Fact]
    public void Modules_ReferenceNeitherTheHostNorAProviderNorAPlugin()
    {
        foreach (var module in Modules)
        {
            var references = Load(module).GetReferencedAssemblies().Select(a => a.Name!).ToList();
            Assert.DoesNotContain(references, r => r.StartsWith("Nmirf.Persistence", StringComparison.Ordinal) || r == "nmirf");
            Assert.DoesNotContain(references, r => r.StartsWith("Nmirf.Plugins.", StringComparison.Ordinal) && r != "Nmirf.Plugins.Abstractions");
            Assert.DoesNotContain(references, r => r.Contains("EntityFrameworkCore.Sqlite", StringComparison.Ordinal) || r.Contains("EntityFrameworkCore.SqlServer", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ModuleReferences_FormNoCycle()
    {
        // A module may use another's public contract (commands, queries, DTOs) through the mediator; the compiler keeps
        // the internals out of reach, and this keeps the dependencies one-way.
        var edges = Modules.ToDictionary(m => m, m => Load(m).GetReferencedAssemblies().Select(a => a.Name!).Intersect(Modules).ToList());
        foreach (var module in Modules)
        {
            var reachable = new HashSet<string>();
            var pending = new Stack<string>(edges[module]);
            while (pending.TryPop(out var next))
            {
                Assert.NotEqual(module, next);
                if (reachable.Add(next))
                {
                    edges[next].ForEach(pending.Push);
                }
            }
        }
    }

    [Fact]
    public void PluginContract_DependsOnNothingHeavierThanTheDependencyInjectionAbstractions()
    {
        var references = typeof(Nmirf.Plugins.Abstractions.ITreatyBodyPlugin).Assembly.GetReferencedAssemblies().Select(a => a.Name!);

        Assert.All(references, r => Assert.True(
            r is "System.Runtime" or "System.Collections" or "System.Linq" or "System.Text.Json" or "System.Memory" or "System.Text.RegularExpressions" or "Microsoft.Extensions.DependencyInjection.Abstractions",
            $"the plugin contract references {r}"));
    }

    [Fact]
    public void Modules_OpenTheirInternalsOnlyToTheHostPersistenceAndTheirTests()
    {
        foreach (var module in Modules)
        {
            var friends = Load(module).GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName);
            Assert.All(friends, friend => Assert.Contains(friend, new[] { "nmirf", "Nmirf.Persistence.Sqlite", "Nmirf.Persistence.SqlServer", $"{module}.Tests" }));
        }
    }

    [Fact]
    public void Modules_KeepTheirEntitiesAndDbContextsInternal()
    {
        foreach (var module in Modules)
        {
            var leaks = Load(module).GetExportedTypes()
                .Where(t => typeof(DbContext).IsAssignableFrom(t) || typeof(ICountryOwned).IsAssignableFrom(t) || t.Namespace?.EndsWith(".Model", StringComparison.Ordinal) == true)
                .Select(t => t.FullName);
            Assert.Empty(leaks);
        }
    }

    [Fact]
    public void BuildingBlocks_ReferenceNoModuleAndNoProvider()
    {
        var references = typeof(ModuleDbContext).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("Nmirf.", StringComparison.Ordinal) && r != "Nmirf.Plugins.Abstractions");
        Assert.DoesNotContain(references, r => r.Contains("Sqlite", StringComparison.Ordinal) || r.Contains("SqlServer", StringComparison.Ordinal));
    }

    [Fact]
    public void Host_ReferencesNoPlugin()
    {
        var references = Host.GetReferencedAssemblies().Select(a => a.Name!);
        var projectReferences = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Nmirf.Host", "Nmirf.Host.csproj"))
            .Descendants("ProjectReference").Select(r => r.Attribute("Include")!.Value.Replace('\\', '/'));

        Assert.DoesNotContain(references, r => r.StartsWith("Nmirf.Plugins.", StringComparison.Ordinal) && r != "Nmirf.Plugins.Abstractions");
        Assert.DoesNotContain(projectReferences, r => r.Contains("/plugins/", StringComparison.Ordinal));
        Assert.Contains(@"..\..\plugins\Staging.targets", File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Nmirf.Host", "Nmirf.Host.csproj")), StringComparison.Ordinal);
        Assert.Contains("ReferenceOutputAssembly=\"false\"", File.ReadAllText(Path.Combine(RepositoryRoot(), "plugins", "Staging.targets")), StringComparison.Ordinal);
    }

    [Fact]
    public void CountryOwnedEntities_AreAllFilteredByTheTenant()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Nmirf"] = "Data Source=:memory:" }).Build();
        using var services = new ServiceCollection().AddLogging().AddNmirf(configuration).BuildServiceProvider();
        using var scope = services.CreateScope();

        foreach (var database in services.GetServices<ModuleDatabase>())
        {
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            foreach (var entity in context.Model.GetEntityTypes().Where(e => typeof(ICountryOwned).IsAssignableFrom(e.ClrType)))
            {
                Assert.True(entity.GetDeclaredQueryFilters().Count > 0, $"{entity.ClrType.Name} belongs to a country but has no tenant query filter");
            }
        }
    }

    [Fact]
    public void Projects_TakeEveryPackageVersionFromTheCentralFile()
    {
        var projects = Directory.EnumerateFiles(RepositoryRoot(), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        foreach (var project in projects)
        {
            var versioned = XDocument.Load(project).Descendants("PackageReference").Where(r => r.Attribute("Version") is not null);
            Assert.Empty(versioned.Select(r => $"{Path.GetFileName(project)}: {r.Attribute("Include")?.Value}"));
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Workflow.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Workflow.sln not found above " + AppContext.BaseDirectory);
    }
}
