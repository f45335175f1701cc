using Microsoft.AspNetCore.Identity;
using Nmirf.BuildingBlocks.Tenancy;

namespace Nmirf.Accounts.Model;

internal sealed class User : IdentityUser<Guid>
{
    public string? DisplayName { get; set; }

    /// <summary>May manage every country of the deployment: create countries, grant roles anywhere.</summary>
    public bool NetworkAdministrator { get; set; }

    /// <summary>Created by the demo seed, with a password printed at that moment.</summary>
    public bool Demo { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class Grant : ICountryOwned
{
    public Guid UserId { get; init; }
    public required string CountryCode { get; init; }
    public CountryRole Role { get; init; }
    public string? Institution { get; set; }
}

internal sealed class AccessToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public required string Name { get; init; }

    /// <summary>The SHA-256 of the secret, in hexadecimal; the secret itself is never stored.</summary>
    public required string Hash { get; init; }

    /// <summary>The secret's first characters, so an owner can tell tokens apart.</summary>
    public required string Prefix { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? ExpiresAt { get; init; }
    public DateTime? RevokedAt { get; set; }
}
