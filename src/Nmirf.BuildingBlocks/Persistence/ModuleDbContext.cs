using Microsoft.EntityFrameworkCore;

namespace Nmirf.BuildingBlocks.Persistence;

/// <summary>
/// The base of every module's DbContext: on SQL Server the module's tables live in a schema named after the module;
/// on SQLite, which has no schemas, they carry the module's name as a prefix. Each module has its own migrations
/// history table (configured by <see cref="IDatabaseEngine"/>). No foreign key crosses modules.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The module's lower-case name: the SQL Server schema and the SQLite table prefix.</summary>
    protected abstract string Module { get; }

    protected bool IsSqlServer => Database.ProviderName == ModuleNaming.SqlServerProviderName;

    /// <summary>Declares the module's entities; naming by provider is applied afterwards.</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureModel(modelBuilder);
        ModuleNaming.Apply(modelBuilder, Module, Database.ProviderName);
    }
}
