namespace Nmirf.Mandates.Contracts;

/// <summary>A country, the tenant of the system.</summary>
public sealed record CountryDto
{
    /// <summary>ISO 3166-1 alpha-3 code, such as <c>MAR</c>.</summary>
    public string? Code { get; init; }
    public string? Name { get; init; }

    /// <summary>ISO 639 codes of the languages the mechanism works in, such as <c>ar</c>, <c>fr</c>.</summary>
    public IReadOnlyList<string> WorkingLanguages { get; init; } = [];
}

/// <summary>A country with the size of its mandate, as listed by <c>nmirf countries list</c>.</summary>
public sealed record CountrySummary(
    string Code,
    string Name,
    IReadOnlyList<string> WorkingLanguages,
    string? Mechanism,
    int Institutions,
    int FocalPoints,
    int Ratifications);

/// <summary>The instrument that gives the mechanism its mandate.</summary>
public sealed record LegalBasisDto
{
    public LegalInstrumentKind? Kind { get; init; }

    /// <summary>The instrument's reference, such as a decree number.</summary>
    public string? Reference { get; init; }
    public DateOnly? AdoptedOn { get; init; }
    public string? Url { get; init; }
}

/// <summary>The national mechanism for implementation, reporting and follow-up of a country.</summary>
public sealed record NationalMechanismDto
{
    public string? Name { get; init; }
    public string? Acronym { get; init; }
    public MechanismType? Type { get; init; }
    public LegalBasisDto? LegalBasis { get; init; }
    public IReadOnlyList<MechanismCapacity> Capacities { get; init; } = [];
}

/// <summary>An institution that takes part in the mechanism; <see cref="Code"/> is its stable key within the country.</summary>
public sealed record InstitutionDto
{
    /// <summary>Lower-case letters, digits and hyphens, such as <c>ministry-of-justice</c>.</summary>
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? Acronym { get; init; }
    public InstitutionKind? Kind { get; init; }
    public MechanismRole? Role { get; init; }
}

/// <summary>A person an institution names to work with the mechanism; the e-mail address is the key within the country.</summary>
public sealed record FocalPointDto
{
    /// <summary>Assigned by the system; ignored on input.</summary>
    public Guid? Id { get; init; }
    public string? Name { get; init; }

    /// <summary>The <see cref="InstitutionDto.Code"/> of the person's institution.</summary>
    public string? Institution { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public IReadOnlyList<string> Languages { get; init; } = [];
    public FocalPointRole? Role { get; init; }
}

/// <summary>A state's action on one instrument (a core treaty or an optional protocol).</summary>
public sealed record RatificationDto
{
    /// <summary>An instrument code from <see cref="Instruments.InstrumentCatalog"/>, such as <c>ICCPR-OP1</c>.</summary>
    public string? Instrument { get; init; }
    public RatificationAction? Action { get; init; }
    public DateOnly? Date { get; init; }

    /// <summary>How much of <see cref="Date"/> is known; day when omitted.</summary>
    public DatePrecision? DatePrecision { get; init; }

    /// <summary>When the instrument entered into force for the state: the clock for the initial report.</summary>
    public DateOnly? EntryIntoForce { get; init; }
    public string? ReservationsAndDeclarations { get; init; }

    /// <summary>Whether the state accepts the individual complaints procedure under this instrument.</summary>
    public bool? AcceptsIndividualComplaints { get; init; }

    /// <summary>Whether the state accepts the inquiry procedure under this instrument.</summary>
    public bool? AcceptsInquiryProcedure { get; init; }

    /// <summary>Where the facts come from, or that they are unverified.</summary>
    public string? Source { get; init; }
}

/// <summary>The whole mandate of one country, as exported to and imported from a YAML file.</summary>
public sealed record MandateDocument
{
    public CountryDto? Country { get; init; }
    public NationalMechanismDto? Mechanism { get; init; }
    public IReadOnlyList<InstitutionDto> Institutions { get; init; } = [];
    public IReadOnlyList<FocalPointDto> FocalPoints { get; init; } = [];
    public IReadOnlyList<RatificationDto> Ratifications { get; init; } = [];
}

/// <summary>What an import changed (or, in a dry run, would change), per kind of record.</summary>
public sealed record MandateImportSummary(
    string Country,
    bool DryRun,
    IReadOnlyList<ImportCount> Counts)
{
    public bool Changed => Counts.Any(c => c.Created + c.Updated + c.Deleted > 0);
}

public sealed record ImportCount(string Kind, int Created, int Updated, int Deleted, int Unchanged);
