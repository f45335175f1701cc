namespace Nmirf.Mandates.Contracts;

/// <summary>The OHCHR typology of national mechanisms (Study of State Engagement, HR/PUB/16/1/Add.1, Part Two).</summary>
public enum MechanismType
{
    AdHoc,
    Ministerial,
    InterMinisterial,
    InstitutionallySeparate,
}

/// <summary>The four capacities of a national mechanism in the OHCHR Practical Guide (HR/PUB/16/1).</summary>
public enum MechanismCapacity
{
    Engagement,
    Coordination,
    Consultation,
    InformationManagement,
}

/// <summary>The kind of instrument that gives a mechanism its mandate.</summary>
public enum LegalInstrumentKind
{
    Law,
    Decree,
    Order,
    Other,
}

/// <summary>What an institution is.</summary>
public enum InstitutionKind
{
    Ministry,
    Agency,
    Parliament,
    Judiciary,
    NationalHumanRightsInstitution,
    CivilSocietyOrganisation,
    Other,
}

/// <summary>How an institution takes part in the mechanism.</summary>
public enum MechanismRole
{
    Member,
    Observer,
    Consulted,
}

/// <summary>A focal point's place in their institution's dealings with the mechanism.</summary>
public enum FocalPointRole
{
    FocalPoint,
    Alternate,
    Head,
}

/// <summary>How a state acted on an instrument. Signature alone does not make the state a party.</summary>
public enum RatificationAction
{
    Signature,
    Ratification,
    Accession,
    Succession,
}

/// <summary>How much of a recorded date is known; older sources often give only the year.</summary>
public enum DatePrecision
{
    Day,
    Month,
    Year,
}
