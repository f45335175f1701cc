namespace Nmirf.Accounts;

/// <summary>What a person may do in one country.</summary>
public enum CountryRole
{
    /// <summary>The mechanism's secretariat: the mandate, workflows, templates, users.</summary>
    Administrator,

    /// <summary>Drafts, templates, recommendations, reporting cycles.</summary>
    Drafter,

    /// <summary>The tasks and recommendations assigned to their institution, and progress on them.</summary>
    FocalPoint,

    /// <summary>Reads, never writes.</summary>
    Viewer,
}

/// <summary>A role a person holds in a country; a focal point's role names their institution.</summary>
public sealed record GrantDto(string Country, CountryRole Role, string? Institution);

/// <summary>A person with their roles.</summary>
public sealed record UserDto(
    Guid Id,
    string Email,
    string? Name,
    bool NetworkAdministrator,
    bool Demo,
    bool LockedOut,
    IReadOnlyList<GrantDto> Grants);

/// <summary>A personal access token as listed: never its secret.</summary>
public sealed record TokenDto(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt);

/// <summary>A token just created: the secret is shown this once and stored only as a hash.</summary>
public sealed record CreatedToken(TokenDto Token, string Secret);

/// <summary>A person just invited, with the one-time code that lets them set their password.</summary>
public sealed record Invitation(UserDto User, string SetupCode);

/// <summary>Who is calling, as the authorization checks see them.</summary>
public sealed record Caller(Guid UserId, string Email, bool NetworkAdministrator, IReadOnlyList<GrantDto> Grants)
{
    public bool HasRoleIn(string country) => NetworkAdministrator || Grants.Any(g => g.Country == country);

    public IEnumerable<CountryRole> RolesIn(string country) => Grants.Where(g => g.Country == country).Select(g => g.Role);

    /// <summary>The institution a focal point acts for in <paramref name="country"/>, if any.</summary>
    public string? InstitutionIn(string country) => Grants.FirstOrDefault(g => g.Country == country && g.Role == CountryRole.FocalPoint)?.Institution;

    /// <summary>
    /// The institution whose recommendations and tasks alone the caller may see in <paramref name="country"/>: a focal
    /// point's, unless another role (or network administration) lets them see everything there.
    /// </summary>
    public string? RestrictedTo(string country) =>
        NetworkAdministrator || Grants.Any(g => g.Country == country && g.Role != CountryRole.FocalPoint) ? null : InstitutionIn(country);
}
