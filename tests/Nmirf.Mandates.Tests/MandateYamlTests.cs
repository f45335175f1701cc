using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.MandateFiles;

namespace Nmirf.Mandates.Tests;

public class MandateYamlTests
{
    private const string Valid = """
        country:
          code: MAR
          name: Morocco
          workingLanguages: [fr, ar]
        mechanism:
          name: DIDH
          type: inter-ministerial
          capacities: [engagement, information-management]
        institutions:
        - code: justice
          name: Ministère de la Justice
          kind: ministry
          role: member
        ratifications:
        - instrument: ICCPR
          action: ratification
          date: 1979-05-03
        """;

    [Fact]
    public void Read_ValidFile_ReadsEveryField()
    {
        var mandate = MandateYaml.Read(Valid).Value;

        Assert.Equal("MAR", mandate.Country!.Code);
        Assert.Equal(["fr", "ar"], mandate.Country.WorkingLanguages);
        Assert.Equal(MechanismType.InterMinisterial, mandate.Mechanism!.Type);
        Assert.Equal([MechanismCapacity.Engagement, MechanismCapacity.InformationManagement], mandate.Mechanism.Capacities);
        Assert.Equal(InstitutionKind.Ministry, Assert.Single(mandate.Institutions).Kind);
        Assert.Equal(new DateOnly(1979, 5, 3), Assert.Single(mandate.Ratifications).Date);
    }

    [Fact]
    public void WriteThenRead_SampleMandate_RoundTrips()
    {
        var original = Samples.Mandate();

        var read = MandateYaml.Read(MandateYaml.Write(original)).Value;

        Assert.Equal(MandateYaml.Write(original), MandateYaml.Write(read));
        Assert.Equal(original.Country, read.Country! with { WorkingLanguages = original.Country!.WorkingLanguages });
        Assert.Equal(original.Country.WorkingLanguages, read.Country.WorkingLanguages);
        Assert.Equal(original.Ratifications, read.Ratifications);
    }

    [Fact]
    public void Read_SyntaxError_ReportsTheLine()
    {
        var error = Assert.Single(MandateYaml.Read(Valid.Replace("  name: Morocco", "  name: Morocco\n   bad: indentation", StringComparison.Ordinal)).Errors);

        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Read_UnknownField_NamesItAndItsLine()
    {
        var error = Assert.Single(MandateYaml.Read(Valid.Replace("  role: member", "  role: member\n  colour: blue", StringComparison.Ordinal)).Errors);

        Assert.Equal("unknown field 'colour'", error.Message);
        Assert.Equal(14, error.Line);
        Assert.Equal("institutions[0].colour", error.Field);
    }

    [Fact]
    public void Read_DateOfWrongType_ReportsFieldAndLine()
    {
        var error = Assert.Single(MandateYaml.Read(Valid.Replace("1979-05-03", "third of May", StringComparison.Ordinal)).Errors);

        Assert.Equal("ratifications[0].date", error.Field);
        Assert.Equal(17, error.Line);
        Assert.Contains("yyyy-MM-dd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownEnumValue_ListsTheAllowedValues()
    {
        var error = Assert.Single(MandateYaml.Read(Valid.Replace("kind: ministry", "kind: ministery", StringComparison.Ordinal)).Errors);

        Assert.Equal("institutions[0].kind", error.Field);
        Assert.Equal(12, error.Line);
        Assert.Contains("national-human-rights-institution", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ListWhereAMappingBelongs_IsRefused()
    {
        var error = Assert.Single(MandateYaml.Read("- MAR\n- PRT\n").Errors);

        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Read_EmptyFile_IsRefused() =>
        Assert.Contains("empty", Assert.Single(MandateYaml.Read("").Errors).Message, StringComparison.Ordinal);

    [Fact]
    public void Locate_RuleErrors_GetTheLineOfTheirField()
    {
        var text = Valid.Replace("instrument: ICCPR", "instrument: ICCPR-OP9", StringComparison.Ordinal);
        var errors = Model.MandateRules.Document(MandateYaml.Read(text).Value, new DateOnly(2026, 11, 29));

        var located = Assert.Single(MandateYaml.Locate(errors, text));

        Assert.Equal("ratifications[0].instrument", located.Field);
        Assert.Equal(15, located.Line);
    }

    [Fact]
    public void Locate_MissingField_PointsAtItsParent()
    {
        var text = Valid.Replace("  type: inter-ministerial\n", "", StringComparison.Ordinal);
        var errors = Model.MandateRules.Document(MandateYaml.Read(text).Value, new DateOnly(2026, 11, 29));

        var located = Assert.Single(MandateYaml.Locate(errors, text));

        Assert.Equal("mechanism.type", located.Field);
        Assert.Equal(5, located.Line);
    }
}
