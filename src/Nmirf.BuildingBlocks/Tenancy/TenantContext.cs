namespace Nmirf.BuildingBlocks.Tenancy;

/// <summary>
/// The country (tenant) the current request or command works on. When set, every module's queries are filtered to
/// that country in the data layer; when null (a CLI verb working across countries, the demo seed), nothing is filtered.
/// </summary>
public interface ITenantContext
{
    string? CountryCode { get; }
}

/// <summary>The scoped tenant context; the API sets it from the route, the CLI from the verb's arguments.</summary>
public sealed class TenantContext : ITenantContext
{
    public string? CountryCode { get; private set; }

    public void Use(string? countryCode) => CountryCode = countryCode;
}

/// <summary>Who is making the current change, as written to the audit log.</summary>
public interface IActorContext
{
    /// <summary>A stable name for the actor, such as <c>cli:alice</c> or a user's e-mail address.</summary>
    string Actor { get; }
}

/// <summary>The scoped actor context; the CLI names the operating-system user, the API the signed-in user.</summary>
public sealed class ActorContext : IActorContext
{
    public string Actor { get; private set; } = "system";

    public void Use(string actor) => Actor = actor;
}

/// <summary>An entity that belongs to one country; the audit log records the country of every change to it.</summary>
public interface ICountryOwned
{
    string CountryCode { get; }
}
