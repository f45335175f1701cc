using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Nmirf.Accounts.Model;
using Nmirf.BuildingBlocks.Auditing;
using Nmirf.BuildingBlocks.Persistence;

namespace Nmirf.Accounts;

/// <summary>
/// Identity's user store with the module's own tables (roles per country, access tokens), in the module's schema.
/// It derives from Identity's context, so it applies the module naming and the audit trail itself; password,
/// security-stamp and token hashes are kept out of the audit log.
/// </summary>
internal sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options, ModuleContextServices services)
    : IdentityUserContext<User, Guid>(options), IDataProtectionKeyContext
{
    public const string ModuleName = "accounts";

    public DbSet<Grant> Grants => Set<Grant>();
    public DbSet<AccessToken> Tokens => Set<AccessToken>();

    /// <summary>The data-protection key ring (cookies, invitation codes), shared by the CLI and every host.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    private string? CurrentCountry => services.Tenant.CountryCode;

    /// <summary>
    /// The data-protection key store saves synchronously, once per new key (every 90 days); it goes through the same
    /// audited path. ASP.NET Core has no synchronization context, so waiting here cannot deadlock.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        AuditTrail.SaveAsync(this, ModuleName, services, ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var user = builder.Entity<User>();
        user.ToTable("Users");
        user.Property(u => u.DisplayName).HasMaxLength(200);
        foreach (var secret in new[] { nameof(User.PasswordHash), nameof(User.SecurityStamp), nameof(User.ConcurrencyStamp) })
        {
            user.Property(secret).HasAnnotation(AuditTrail.RedactAnnotation, true);
        }

        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("UserClaims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("UserLogins");
        var userTokens = builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>();
        userTokens.ToTable("UserTokens");
        userTokens.Property(t => t.Value).HasAnnotation(AuditTrail.RedactAnnotation, true);

        var grant = builder.Entity<Grant>();
        grant.ToTable("Grants");
        grant.HasKey(g => new { g.UserId, g.CountryCode, g.Role });
        grant.Property(g => g.CountryCode).HasMaxLength(3).IsFixedLength();
        grant.Property(g => g.Role).HasConversion<string>().HasMaxLength(20);
        grant.Property(g => g.Institution).HasMaxLength(40);
        grant.HasOne<User>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        grant.HasIndex(g => g.CountryCode);
        grant.HasQueryFilter(g => CurrentCountry == null || g.CountryCode == CurrentCountry);

        var token = builder.Entity<AccessToken>();
        token.ToTable("AccessTokens");
        token.HasKey(t => t.Id);
        token.Property(t => t.Name).HasMaxLength(100);
        token.Property(t => t.Hash).HasMaxLength(64).HasAnnotation(AuditTrail.RedactAnnotation, true);
        token.Property(t => t.Prefix).HasMaxLength(20);
        token.HasIndex(t => t.Hash).IsUnique();
        token.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);

        var key = builder.Entity<DataProtectionKey>();
        key.ToTable("DataProtectionKeys");
        key.Property(k => k.Xml).HasAnnotation(AuditTrail.RedactAnnotation, true);

        ModuleNaming.Apply(builder, ModuleName, Database.ProviderName);
    }
}
