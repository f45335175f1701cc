namespace Nmirf.Drafting.Storage;

/// <summary>A draft kept in the database: one a cycle's <c>generate-draft</c> step asked for, ready to download.</summary>
internal sealed class StoredDraft : Nmirf.BuildingBlocks.Tenancy.ICountryOwned
{
    public Guid Id { get; set; }
    public string CountryCode { get; set; } = "";
    public string Body { get; set; } = "";
    public string Document { get; set; } = "";
    public string? Language { get; set; }

    /// <summary>The cycle run whose step asked for it.</summary>
    public Guid? RunId { get; set; }

    /// <summary>The step's request key: a step run twice keeps one draft.</summary>
    public string? RequestKey { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public byte[]? Content { get; set; }
    public string? Title { get; set; }
    public string? Symbol { get; set; }
    public int? Words { get; set; }
    public int? WordLimit { get; set; }

    /// <summary>Why no draft could be made (no template in the country's languages, a template that fails...).</summary>
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}
