namespace Nmirf.Drafting.Storage;

/// <summary>A country's own version of a template or partial, which takes precedence over every file.</summary>
internal sealed class StoredTemplate : Nmirf.BuildingBlocks.Tenancy.ICountryOwned
{
    public Guid Id { get; set; }
    public string CountryCode { get; set; } = "";

    /// <summary>A template name (<c>ccpr/periodic-report.fr.md</c>) or an include name (<c>partials/recommendation.fr</c>).</summary>
    public string Name { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>How many times the country has saved this name.</summary>
    public int Revision { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public string SavedBy { get; set; } = "";
}
