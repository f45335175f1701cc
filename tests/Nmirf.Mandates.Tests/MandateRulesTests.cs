using Nmirf.BuildingBlocks.Errors;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.Model;

namespace Nmirf.Mandates.Tests;

public class MandateRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static IReadOnlyList<Error> Check(MandateDocument document) => MandateRules.Document(document, Today);

    [Fact]
    public void Document_ValidMandate_HasNoErrors() => Assert.Empty(Check(Samples.Mandate()));

    [Theory]
    [InlineData("MA", "three upper-case letters")]
    [InlineData("mar", "three upper-case letters")]
    [InlineData("XXX", "not an assigned")]
    [InlineData("", "is required")]
    public void Country_InvalidIsoCode_IsRefused(string code, string reason)
    {
        var mandate = Samples.Mandate() with { Country = Samples.Mandate().Country! with { Code = code } };

        var error = Assert.Single(Check(mandate));

        Assert.Equal("country.code", error.Field);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Country_BadLanguageCode_NamesTheElement()
    {
        var mandate = Samples.Mandate() with { Country = Samples.Mandate().Country! with { WorkingLanguages = ["fr", "French"] } };

        var error = Assert.Single(Check(mandate));

        Assert.Equal("country.workingLanguages[1]", error.Field);
    }

    [Fact]
    public void Ratification_UnknownInstrument_IsRefusedWithTheKnownOnes()
    {
        var mandate = WithRatification(0, r => r with { Instrument = "ICCPR-OP9" });

        var error = Assert.Single(Check(mandate));

        Assert.Equal("ratifications[0].instrument", error.Field);
        Assert.Contains("'ICCPR-OP9' is not a known instrument", error.Message, StringComparison.Ordinal);
        Assert.Contains("CRC-OPAC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ratification_EntryIntoForceBeforeRatification_IsRefused()
    {
        var mandate = WithRatification(1, r => r with { EntryIntoForce = new DateOnly(2014, 1, 1) });

        var error = Assert.Single(Check(mandate));

        Assert.Equal("ratifications[1].entryIntoForce", error.Field);
        Assert.Contains("before the accession date 2014-11-24", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ratification_SignatureWithEntryIntoForce_IsRefused()
    {
        var mandate = WithRatification(0, r => r with { Action = RatificationAction.Signature, EntryIntoForce = new DateOnly(1980, 1, 1) });

        var error = Assert.Single(Check(mandate));

        Assert.Equal("ratifications[0].entryIntoForce", error.Field);
        Assert.Contains("signature alone does not bind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ratification_DateAfterToday_IsRefused()
    {
        var mandate = WithRatification(0, r => r with { Date = Today.AddDays(1) });

        Assert.Equal("ratifications[0].date", Assert.Single(Check(mandate)).Field);
    }

    [Fact]
    public void Ratification_SameInstrumentTwice_IsADuplicate()
    {
        var mandate = Samples.Mandate();
        mandate = mandate with { Ratifications = [.. mandate.Ratifications, mandate.Ratifications[0]] };

        var error = Assert.Single(Check(mandate));

        Assert.Equal("ratifications[3].instrument", error.Field);
        Assert.Contains("ratifications[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Institution_SameCodeTwice_IsADuplicateNamingTheFirst()
    {
        var mandate = Samples.Mandate();
        mandate = mandate with { Institutions = [.. mandate.Institutions, mandate.Institutions[1] with { Name = "Another name" }] };

        var error = Assert.Single(Check(mandate));

        Assert.Equal("institutions[2].code", error.Field);
        Assert.Contains("duplicate institution 'justice': institutions[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Institution_SameNameInAnotherCase_IsADuplicate()
    {
        var mandate = Samples.Mandate();
        mandate = mandate with { Institutions = [.. mandate.Institutions, mandate.Institutions[1] with { Code = "mj", Name = "MINISTÈRE DE LA JUSTICE" }] };

        Assert.Equal("institutions[2].name", Assert.Single(Check(mandate)).Field);
    }

    [Theory]
    [InlineData("Justice")]
    [InlineData("ministry of justice")]
    [InlineData("-justice")]
    public void Institution_CodeNotKebabCase_IsRefused(string code)
    {
        var mandate = Samples.Mandate();
        mandate = mandate with { Institutions = [mandate.Institutions[0], mandate.Institutions[1] with { Code = code }], FocalPoints = [] };

        Assert.Equal("institutions[1].code", Assert.Single(Check(mandate)).Field);
    }

    [Fact]
    public void Institution_MissingKindAndRole_ListsTheAllowedValues()
    {
        var mandate = Samples.Mandate();
        mandate = mandate with { Institutions = [mandate.Institutions[0], mandate.Institutions[1] with { Kind = null, Role = null }] };

        var errors = Check(mandate);

        Assert.Equal(["institutions[1].kind", "institutions[1].role"], errors.Select(e => e.Field));
        Assert.Contains("national-human-rights-institution", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FocalPoint_InstitutionMissingFromMandate_IsRefused()
    {
        var mandate = Samples.Mandate();
        mandate = mandate with { FocalPoints = [mandate.FocalPoints[0] with { Institution = "interior" }] };

        var error = Assert.Single(Check(mandate));

        Assert.Equal("focalPoints[0].institution", error.Field);
        Assert.Contains("no institution 'interior'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FocalPoint_SameEmailInAnotherCase_IsADuplicate()
    {
        var mandate = Samples.Mandate();
        mandate = mandate with { FocalPoints = [.. mandate.FocalPoints, mandate.FocalPoints[0] with { Email = "AMINA.BENALI@justice.gov.ma" }] };

        Assert.Equal("focalPoints[2].email", Assert.Single(Check(mandate)).Field);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("someone@localhost")]
    [InlineData("Name <a@b.ma>")]
    public void FocalPoint_BadEmail_IsRefused(string email)
    {
        var mandate = Samples.Mandate();
        mandate = mandate with { FocalPoints = [mandate.FocalPoints[0] with { Email = email }] };

        Assert.Equal("focalPoints[0].email", Assert.Single(Check(mandate)).Field);
    }

    [Fact]
    public void Mechanism_MissingTypeAndBadUrl_AreBothReported()
    {
        var mandate = Samples.Mandate();
        mandate = mandate with
        {
            Mechanism = mandate.Mechanism! with { Type = null, LegalBasis = mandate.Mechanism.LegalBasis! with { Url = "ftp://example.org/decree" } },
        };

        var errors = Check(mandate);

        Assert.Equal(["mechanism.type", "mechanism.legalBasis.url"], errors.Select(e => e.Field));
        Assert.Contains("inter-ministerial", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mechanism_CapacityListedTwice_IsRefused()
    {
        var mandate = Samples.Mandate();
        mandate = mandate with { Mechanism = mandate.Mechanism! with { Capacities = [MechanismCapacity.Coordination, MechanismCapacity.Coordination] } };

        Assert.Equal("mechanism.capacities[1]", Assert.Single(Check(mandate)).Field);
    }

    private static MandateDocument WithRatification(int index, Func<RatificationDto, RatificationDto> change)
    {
        var mandate = Samples.Mandate();
        var ratifications = mandate.Ratifications.ToList();
        ratifications[index] = change(ratifications[index]);
        return mandate with { Ratifications = ratifications };
    }
}
