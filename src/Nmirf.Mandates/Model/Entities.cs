using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Mandates.Contracts;

namespace Nmirf.Mandates.Model;

// The entities are internal: other modules see the mandate only through the DTOs in Contracts.
// Each takes its values from a DTO that has passed MandateRules; Apply assigns only what the DTO carries,
// so applying an unchanged DTO leaves the entity unmodified (and unaudited).

internal sealed class Country : ICountryOwned
{
    public required string Code { get; init; }
    public string Name { get; set; } = "";
    public List<string> WorkingLanguages { get; set; } = [];

    string ICountryOwned.CountryCode => Code;

    public static Country From(CountryDto dto) => new() { Code = dto.Code!, Name = dto.Name!.Trim(), WorkingLanguages = [.. dto.WorkingLanguages] };

    public void Apply(CountryDto dto)
    {
        Name = dto.Name!.Trim();
        WorkingLanguages = [.. dto.WorkingLanguages];
    }

    public CountryDto ToDto() => new() { Code = Code, Name = Name, WorkingLanguages = [.. WorkingLanguages] };
}

internal sealed class NationalMechanism : ICountryOwned
{
    public required string CountryCode { get; init; }
    public string Name { get; set; } = "";
    public string? Acronym { get; set; }
    public MechanismType Type { get; set; }
    public LegalInstrumentKind? LegalBasisKind { get; set; }
    public string? LegalBasisReference { get; set; }
    public DateOnly? LegalBasisAdoptedOn { get; set; }
    public string? LegalBasisUrl { get; set; }
    public List<MechanismCapacity> Capacities { get; set; } = [];

    public void Apply(NationalMechanismDto dto)
    {
        Name = dto.Name!.Trim();
        Acronym = Clean(dto.Acronym);
        Type = dto.Type!.Value;
        LegalBasisKind = dto.LegalBasis?.Kind;
        LegalBasisReference = Clean(dto.LegalBasis?.Reference);
        LegalBasisAdoptedOn = dto.LegalBasis?.AdoptedOn;
        LegalBasisUrl = Clean(dto.LegalBasis?.Url);
        Capacities = [.. dto.Capacities.Order()];
    }

    public NationalMechanismDto ToDto() => new()
    {
        Name = Name,
        Acronym = Acronym,
        Type = Type,
        LegalBasis = LegalBasisKind is null && LegalBasisReference is null && LegalBasisAdoptedOn is null && LegalBasisUrl is null
            ? null
            : new LegalBasisDto { Kind = LegalBasisKind, Reference = LegalBasisReference, AdoptedOn = LegalBasisAdoptedOn, Url = LegalBasisUrl },
        Capacities = [.. Capacities],
    };

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class Institution : ICountryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CountryCode { get; init; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Acronym { get; set; }
    public InstitutionKind Kind { get; set; }
    public MechanismRole Role { get; set; }

    public void Apply(InstitutionDto dto)
    {
        Code = dto.Code!;
        Name = dto.Name!.Trim();
        Acronym = NationalMechanism.Clean(dto.Acronym);
        Kind = dto.Kind!.Value;
        Role = dto.Role!.Value;
    }

    public InstitutionDto ToDto() => new() { Code = Code, Name = Name, Acronym = Acronym, Kind = Kind, Role = Role };
}

internal sealed class FocalPoint : ICountryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CountryCode { get; init; }
    public Guid InstitutionId { get; set; }
    public Institution? Institution { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Phone { get; set; }
    public List<string> Languages { get; set; } = [];
    public FocalPointRole Role { get; set; }

    public void Apply(FocalPointDto dto, Institution institution)
    {
        if (InstitutionId != institution.Id)
        {
            InstitutionId = institution.Id;
            Institution = institution;
        }

        Name = dto.Name!.Trim();
        Email = dto.Email!.Trim();
        Phone = NationalMechanism.Clean(dto.Phone);
        Languages = [.. dto.Languages];
        Role = dto.Role!.Value;
    }

    public FocalPointDto ToDto(string institutionCode, bool withId = true) => new()
    {
        Id = withId ? Id : null,
        Name = Name,
        Institution = institutionCode,
        Email = Email,
        Phone = Phone,
        Languages = [.. Languages],
        Role = Role,
    };
}

internal sealed class Ratification : ICountryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CountryCode { get; init; }
    public string Instrument { get; set; } = "";
    public RatificationAction Action { get; set; }
    public DateOnly Date { get; set; }
    public DatePrecision DatePrecision { get; set; }
    public DateOnly? EntryIntoForce { get; set; }
    public string? ReservationsAndDeclarations { get; set; }
    public bool? AcceptsIndividualComplaints { get; set; }
    public bool? AcceptsInquiryProcedure { get; set; }
    public string? Source { get; set; }

    public void Apply(RatificationDto dto)
    {
        Instrument = dto.Instrument!;
        Action = dto.Action!.Value;
        Date = dto.Date!.Value;
        DatePrecision = dto.DatePrecision ?? DatePrecision.Day;
        EntryIntoForce = dto.EntryIntoForce;
        ReservationsAndDeclarations = NationalMechanism.Clean(dto.ReservationsAndDeclarations);
        AcceptsIndividualComplaints = dto.AcceptsIndividualComplaints;
        AcceptsInquiryProcedure = dto.AcceptsInquiryProcedure;
        Source = NationalMechanism.Clean(dto.Source);
    }

    public RatificationDto ToDto() => new()
    {
        Instrument = Instrument,
        Action = Action,
        Date = Date,
        DatePrecision = DatePrecision == DatePrecision.Day ? null : DatePrecision,
        EntryIntoForce = EntryIntoForce,
        ReservationsAndDeclarations = ReservationsAndDeclarations,
        AcceptsIndividualComplaints = AcceptsIndividualComplaints,
        AcceptsInquiryProcedure = AcceptsInquiryProcedure,
        Source = Source,
    };
}
