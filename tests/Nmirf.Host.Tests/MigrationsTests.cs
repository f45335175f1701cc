using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nmirf.BuildingBlocks.Persistence;
using Nmirf.Host.Composition;

namespace Nmirf.Host.Tests;

/// <summary>
/// No SQL Server runs here: the SQL Server migrations are proved by generating their DDL, and both providers' migrations
/// by comparing them with the model.
/// </summary>
public class MigrationsTests
{
    /// <summary>Every module the host registers, so that a new module is covered without editing this file.</summary>
    public static TheoryData<string> Modules
    {
        get
        {
            using var services = Services("Sqlite", "Data Source=:memory:");
            return [.. services.GetServices<ModuleDatabase>().Select(m => m.Module)];
        }
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void SqlServerScript_OfEachModule_CreatesItsSchemaTablesAndHistory(string module)
    {
        using var services = Services("SqlServer", "Server=localhost;Database=nmirf;Trusted_Connection=True;TrustServerCertificate=True");
        using var context = Context(services, module);

        var script = context.GetService<IMigrator>().GenerateScript();

        Assert.Contains($"CREATE SCHEMA [{module}]", script, StringComparison.Ordinal);
        Assert.Contains($"CREATE TABLE [{module}].[__EFMigrationsHistory]", script, StringComparison.Ordinal);
        var tables = Regex.Matches(script, @"CREATE TABLE (\S+)").Select(m => m.Groups[1].Value).ToList();
        Assert.True(tables.Count >= 2, script);
        Assert.All(tables, table => Assert.StartsWith($"[{module}].", table, StringComparison.Ordinal));
    }

    [Fact]
    public void SqlServerScript_OfMandates_HoldsEveryTable()
    {
        using var services = Services("SqlServer", "Server=localhost;Database=nmirf;Trusted_Connection=True;TrustServerCertificate=True");
        using var context = Context(services, "mandates");

        var script = context.GetService<IMigrator>().GenerateScript();

        foreach (var table in new[] { "Countries", "NationalMechanisms", "Institutions", "FocalPoints", "Ratifications" })
        {
            Assert.Contains($"CREATE TABLE [mandates].[{table}]", script, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Migrations_OfBothProviders_MatchTheModel(string module)
    {
        foreach (var provider in new[] { "Sqlite", "SqlServer" })
        {
            AssertMatchesModel(provider, module);
        }
    }

    private static void AssertMatchesModel(string provider, string module)
    {
        using var services = Services(provider, provider == "Sqlite" ? "Data Source=:memory:" : "Server=localhost;Database=nmirf;Trusted_Connection=True;TrustServerCertificate=True");
        using var context = Context(services, module);

        Assert.False(context.Database.HasPendingModelChanges(), $"{provider} {module}: the model changed since the last migration; add one with `dotnet ef migrations add` (docs/development.md).");
    }

    [Fact]
    public void SqliteTables_CarryTheModulePrefix()
    {
        using var services = Services("Sqlite", "Data Source=:memory:");
        using var context = Context(services, "mandates");

        Assert.All(context.Model.GetEntityTypes(), entity => Assert.StartsWith("mandates_", entity.GetTableName(), StringComparison.Ordinal));
    }

    private static ServiceProvider Services(string provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider,
                ["ConnectionStrings:Nmirf"] = connectionString,
            })
            .Build();
        return new ServiceCollection().AddLogging().AddNmirf(configuration).BuildServiceProvider();
    }

    private static DbContext Context(IServiceProvider services, string module)
    {
        var database = services.GetServices<ModuleDatabase>().Single(m => m.Module == module);
        return (DbContext)services.CreateScope().ServiceProvider.GetRequiredService(database.ContextType);
    }
}
