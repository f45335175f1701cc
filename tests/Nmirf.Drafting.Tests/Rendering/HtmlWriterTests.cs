using System.Globalization;
using System.Text.RegularExpressions;
using Nmirf.Drafting.Rendering;

namespace Nmirf.Drafting.Tests.Rendering;

public class HtmlWriterTests
{
    private static readonly string Everything = HtmlWriter.Write(RenderingSamples.Parse(RenderingSamples.Everything), RenderingSamples.Cover());

    [Fact]
    public void Write_Page_IsOneSelfContainedHtml5Document()
    {
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en-GB\">", Everything, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", Everything, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(Everything, "<style>"));
        Assert.EndsWith("</html>\n", Everything, StringComparison.Ordinal);

        // Nothing is loaded from elsewhere.
        Assert.DoesNotContain("<link", Everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", Everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", Everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", Everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", Everything, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Write_RawHtml_IsEscapedNeverPassedThrough()
    {
        Assert.DoesNotContain("<script", Everything, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<p class=\"raw\">&lt;script&gt;alert(&#39;block&#39;)&lt;/script&gt;</p>", Everything, StringComparison.Ordinal);
        Assert.Contains("Inline &lt;script&gt;alert(&#39;inline&#39;)&lt;/script&gt; raw HTML", Everything, StringComparison.Ordinal);
        Assert.Contains("<pre><code>code &lt;b&gt;block&lt;/b&gt;</code></pre>", Everything, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ScriptInEveryPlaceATemplateOrCoverReaches_NeverBecomesAnElement()
    {
        const string Attack = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        var markdown = $"""
            # {Attack}

            {Attack} [x]({Attack}) [y](javascript:alert(3)) <javascript:alert(4)> ![alt](https://example.org/{Attack}.png)

            <div onclick="alert(5)">{Attack}</div>

            | {Attack} |
            |---|
            | {Attack} |

            Note.[^a]

            [^a]: {Attack}
            """;
        var cover = new DraftCover("A/\"</style><script>alert(6)</script>", Attack, Attack, Attack, Attack, "en\"><script>", new DateOnly(2025, 1, 1), Attack);

        var html = HtmlWriter.Write(RenderingSamples.Parse(markdown), cover);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(LinkTargets(html), target => Assert.DoesNotContain("javascript", target, StringComparison.OrdinalIgnoreCase));
        Assert.Single(Regex.Matches(html, "</style>"));
        Assert.Contains("<html lang=\"en-GB\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LinkTitlesAndAddresses_AreEscapedInAttributes()
    {
        var html = HtmlWriter.Write(
            RenderingSamples.Parse("See [this](https://example.org/?a=1&b=\"2\" 'Say \"hi\" & <go>') and [that](data:text/html,hi).\n"),
            RenderingSamples.Cover());

        Assert.Contains("<a href=\"https://example.org/?a=1&amp;b=%222%22\" title=\"Say &quot;hi&quot; &amp; &lt;go&gt;\">this</a>", html, StringComparison.Ordinal);
        Assert.Contains(" and that.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NumberedParagraphs_AreNumberedOneToNInOrder()
    {
        var numbers = Regex.Matches(Everything, "<p class=\"para\"><span class=\"num\">(\\d+)\\.</span> ")
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .ToList();

        Assert.Equal(Enumerable.Range(1, RenderingSamples.NumberedParagraphs), numbers);
        Assert.Contains("<span class=\"num\">1.</span> The State party submits its <em>seventh</em> periodic report, with <strong>strong</strong> commitment, <code>code</code>", Everything, StringComparison.Ordinal);
        Assert.Contains("<span class=\"num\">36.</span> Filler paragraph 30 of the body.</p>", Everything, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_QuotesListsAndTables_AreNotNumbered()
    {
        Assert.Contains("<blockquote>\n<p>A quoted paragraph, which is not numbered.</p>\n<blockquote>\n<p>A nested quote.</p>", Everything, StringComparison.Ordinal);
        Assert.Contains("<li>Second bullet\n<ul>\n<li>Nested bullet\n<ol>\n<li>Nested ordered item</li>", Everything, StringComparison.Ordinal);
        Assert.Contains("<ol start=\"3\">\n<li>Third ordered item</li>\n<li>Fourth ordered item</li>\n</ol>", Everything, StringComparison.Ordinal);
        Assert.Contains("<thead>\n<tr><th class=\"left\">Article</th><th class=\"center\">Status</th><th class=\"right\">Year</th></tr>\n</thead>\n<tbody>", Everything, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Headings_KeepTheirLevels()
    {
        var headings = Regex.Matches(Everything, "<h(\\d)>").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(["1", "2", "3", "4", "5"], headings);
    }

    [Fact]
    public void Write_Links_OnlyWebAndMailAddressesAreLinks()
    {
        Assert.Equal(
            ["https://www.ohchr.org/en/treaty-bodies", "mailto:focal.point@example.org", "https://undocs.org/CCPR/C/MAR/7"],
            LinkTargets(Everything).Where(target => !target.StartsWith('#')));
        Assert.Contains("<a href=\"https://www.ohchr.org/en/treaty-bodies\" title=\"OHCHR\">link</a>", Everything, StringComparison.Ordinal);
        Assert.Contains("This paragraph has an unsafe link, a relative one, and", Everything, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Footnotes_AreEndnotesReferencedFromTheText()
    {
        Assert.Contains("<sup class=\"fnref\"><a id=\"fnref-1\" href=\"#fn-1\">1</a></sup>", Everything, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(Everything, "href=\"#fn-1\""));
        Assert.Equal(2, Regex.Count(Everything, "href=\"#fn-2\""));

        var notes = Everything[Everything.IndexOf("<section class=\"footnotes\">", StringComparison.Ordinal)..];
        Assert.Contains("<li id=\"fn-1\">\n<p>The first note, with a <a href=\"https://undocs.org/CCPR/C/MAR/7\">source</a>.", notes, StringComparison.Ordinal);
        Assert.Contains("<li id=\"fn-2\">\n<p>Une deuxième note : « voir ».", notes, StringComparison.Ordinal);
        Assert.Contains("class=\"back\" href=\"#fnref-1\"", notes, StringComparison.Ordinal);

        // The definitions appear once, as the notes.
        Assert.Single(Regex.Matches(Everything, "The first note"));
    }

    [Fact]
    public void Write_Cover_CarriesTheSymbolAndTheLocalisedWords()
    {
        Assert.Contains("<p class=\"symbol\">CCPR/C/MAR/7</p>", Everything, StringComparison.Ordinal);
        Assert.Contains("<p>Distr.: General</p>\n<p>12 March 2025</p>\n<p>Original: English</p>", Everything, StringComparison.Ordinal);
        Assert.Contains("<p class=\"title\">Seventh periodic report submitted by Morocco under article 40 of the Covenant</p>", Everything, StringComparison.Ordinal);
        Assert.Contains("@top-right { content: \"CCPR/C/MAR/7\";", Everything, StringComparison.Ordinal);
        Assert.Contains("@bottom-center { content: counter(page);", Everything, StringComparison.Ordinal);
        Assert.Contains(".cover { break-after: page;", Everything, StringComparison.Ordinal);
        Assert.True(
            Everything.IndexOf("class=\"cover\"", StringComparison.Ordinal) < Everything.IndexOf("<h1>", StringComparison.Ordinal),
            "The cover comes before the report.");

        var french = HtmlWriter.Write(RenderingSamples.Parse("Texte."), RenderingSamples.Cover("fr", symbol: null) with { Date = new DateOnly(2025, 12, 1) });
        Assert.Contains("<html lang=\"fr-FR\">", french, StringComparison.Ordinal);
        Assert.Contains("<p>Distr. générale</p>\n<p>1er décembre 2025</p>\n<p>Original : français</p>", french, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"symbol\"", french, StringComparison.Ordinal);
        Assert.DoesNotContain("@top-right { content: \"", french, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NonLatinText_IsKeptAsItIs()
    {
        Assert.Contains("Le Comité note avec préoccupation l&#39;accès limité à l&#39;éducation : « égalité » et œuvre des enfants.", Everything, StringComparison.Ordinal);
        Assert.Contains("تلتزم الدولة الطرف بحماية حقوق الإنسان وتعزيزها.", Everything, StringComparison.Ordinal);
    }

    private static List<string> LinkTargets(string html) =>
        Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
}
