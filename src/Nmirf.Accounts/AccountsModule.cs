using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Nmirf.Accounts.Model;
using Nmirf.BuildingBlocks.Persistence;

namespace Nmirf.Accounts;

/// <summary>Registers the accounts module: Identity's user manager on the module's store, with lockout.</summary>
public static class AccountsModule
{
    public static IServiceCollection AddAccountsModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<AccountsDbContext>(AccountsDbContext.ModuleName, order: 5);
        services.AddDataProtection().SetApplicationName("nmirf").PersistKeysToDbContext<AccountsDbContext>();
        services.AddIdentityCore<User>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        return services;
    }

    /// <summary>The claim type under which the sign-in puts the person's id.</summary>
    public const string UserIdClaim = System.Security.Claims.ClaimTypes.NameIdentifier;
}
