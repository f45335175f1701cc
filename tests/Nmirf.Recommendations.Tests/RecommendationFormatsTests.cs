using System.Text;
using Nmirf.Recommendations.Importing;
using static Nmirf.Recommendations.Tests.Fixtures;

namespace Nmirf.Recommendations.Tests;

public class RecommendationFormatsTests
{
    [Theory]
    [InlineData("export.json", "[{\"AnnotationId\": \"x\"}]", RecommendationFormat.UhriJson)]
    [InlineData("download", "  \n[{\"AnnotationId\": \"x\"}]", RecommendationFormat.UhriJson)]
    [InlineData("uhri.csv", "Text,Countries Concerned,Reccomending Body,Document Symbol,Themes\r\n", RecommendationFormat.UhriCsv)]
    [InlineData("uhri.csv", "\"Text\";\"Recommending Body\";\"Document Symbol\"\n", RecommendationFormat.UhriCsv)]
    [InlineData("upr-info.csv", "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\rPeru,GRULAC", RecommendationFormat.UprInfo)]
    [InlineData("matrix.csv", "Thematic list of recommendations,,\nRecommendation & recommending State,Position,Full list of themes and groups of persons,SDGs,Source of position\n", RecommendationFormat.UprMatrix)]
    [InlineData("co.txt", "Concluding observations\n\n5. The Committee recommends that the State party ...\n", RecommendationFormat.ConcludingObservationsText)]
    public void Detect_KnownContent_TellsTheFormat(string fileName, string head, RecommendationFormat expected)
    {
        Assert.Equal(expected, RecommendationFormats.Detect(fileName, Utf8(head)).Value);
    }

    [Fact]
    public void Detect_Xlsx_IsTheUhriSpreadsheetFormat()
    {
        var head = Xlsx([["Text"]]).AsSpan(0, 64);

        Assert.Equal(RecommendationFormat.UhriXlsx, RecommendationFormats.Detect("export.xlsx", head).Value);
    }

    [Fact]
    public void Detect_Utf16WithBom_DecodesTheHeader()
    {
        var head = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("To,Text,From\r\n")).ToArray();

        Assert.Equal(RecommendationFormat.UprInfo, RecommendationFormats.Detect("upr.csv", head).Value);
    }

    [Theory]
    [InlineData("unknown.csv", "Name,Age\nAda,36\n", "its header row (Name,Age) is not that of")]
    [InlineData("notes", "Just some notes.\n", "neither JSON")]
    public void Detect_UnknownContent_SaysWhyAndListsTheFormats(string fileName, string head, string reason)
    {
        var error = Assert.Single(RecommendationFormats.Detect(fileName, Utf8(head)).Errors);

        Assert.Equal("format", error.Field);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("uhri-json, uhri-xlsx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_Utf16WithoutBom_IsAnError()
    {
        var error = Assert.Single(RecommendationFormats.Detect("uhri.csv", Encoding.Unicode.GetBytes("Text,Document Symbol")).Errors);

        Assert.Contains("UTF-16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_OldExcelFile_AsksForXlsx()
    {
        byte[] head = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

        Assert.Contains(".xls", Assert.Single(RecommendationFormats.Detect("export.xls", head).Errors).Message, StringComparison.Ordinal);
    }
}
