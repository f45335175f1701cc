using Nmirf.Mandates.Contracts;

namespace Nmirf.Mandates.Tests;

/// <summary>A small, valid mandate that tests change one fault at a time.</summary>
internal static class Samples
{
    public static MandateDocument Mandate() => new()
    {
        Country = new CountryDto { Code = "MAR", Name = "Morocco", WorkingLanguages = ["fr", "ar"] },
        Mechanism = new NationalMechanismDto
        {
            Name = "Délégation interministérielle aux droits de l'Homme",
            Acronym = "DIDH",
            Type = MechanismType.InterMinisterial,
            LegalBasis = new LegalBasisDto { Kind = LegalInstrumentKind.Decree, Reference = "Décret n° 2-11-150" },
            Capacities = [MechanismCapacity.Engagement, MechanismCapacity.Coordination],
        },
        Institutions =
        [
            new InstitutionDto { Code = "cndh", Name = "Conseil national des droits de l'Homme", Acronym = "CNDH", Kind = InstitutionKind.NationalHumanRightsInstitution, Role = MechanismRole.Consulted },
            new InstitutionDto { Code = "justice", Name = "Ministère de la Justice", Kind = InstitutionKind.Ministry, Role = MechanismRole.Member },
        ],
        FocalPoints =
        [
            new FocalPointDto { Name = "Amina Benali", Institution = "justice", Email = "amina.benali@justice.gov.ma", Phone = "+212 537 00 00 00", Languages = ["fr", "ar"], Role = FocalPointRole.FocalPoint },
            new FocalPointDto { Name = "Youssef Alaoui", Institution = "cndh", Email = "y.alaoui@cndh.ma", Languages = ["fr"], Role = FocalPointRole.Head },
        ],
        Ratifications =
        [
            new RatificationDto { Instrument = "ICCPR", Action = RatificationAction.Ratification, Date = new DateOnly(1979, 5, 3) },
            new RatificationDto { Instrument = "OPCAT", Action = RatificationAction.Accession, Date = new DateOnly(2014, 11, 24), EntryIntoForce = new DateOnly(2014, 12, 24) },
            new RatificationDto { Instrument = "ICERD", Action = RatificationAction.Ratification, Date = new DateOnly(1970, 1, 1), DatePrecision = DatePrecision.Year },
        ],
    };
}
