using System.Globalization;
using System.Text;
using Markdig.Syntax;
using Nmirf.Drafting.Rendering;

namespace Nmirf.Drafting.Tests.Rendering;

/// <summary>Markdown as a template writes it, with every construct the renderers handle.</summary>
internal static class RenderingSamples
{
    public const string Symbol = "CCPR/C/MAR/7";

    /// <summary>Top-level paragraphs of <see cref="Everything"/> before the filler ones.</summary>
    public const int WrittenTopLevelParagraphs = 6;

    public const int FillerParagraphs = 30;

    public const int NumberedParagraphs = WrittenTopLevelParagraphs + FillerParagraphs;

    public static DraftCover Cover(string language = "en", string? symbol = Symbol) => new(
        Symbol: symbol,
        Title: "Seventh periodic report submitted by Morocco under article 40 of the Covenant",
        Body: "Human Rights Committee",
        Treaty: "International Covenant on Civil and Political Rights",
        Country: "Morocco",
        Language: language,
        Date: new DateOnly(2025, 3, 12),
        Status: "Draft");

    public static string Everything { get; } = BuildEverything();

    public static MarkdownDocument Parse(string markdown) => DraftMarkdown.Parse(markdown);

    /// <summary>A report of <paramref name="sections"/> level-2 sections, each with a few numbered paragraphs.</summary>
    public static string Report(int sections, int paragraphsPerSection)
    {
        var text = new StringBuilder();
        for (var section = 1; section <= sections; section++)
        {
            text.Append(CultureInfo.InvariantCulture, $"## {section}. Article {section}\n\n");
            for (var paragraph = 1; paragraph <= paragraphsPerSection; paragraph++)
            {
                text.Append(CultureInfo.InvariantCulture, $"The State party has taken **measures** under article {section} to ensure the *effective* enjoyment of the right, ")
                    .Append("including legislation, policies and programmes adopted during the reporting period, in consultation with civil society")
                    .Append(paragraph == 1 ? "[^n]" : string.Empty)
                    .Append(".\n\n");
            }
        }

        text.Append("[^n]: See the common core document.\n");
        return text.ToString();
    }

    private static string BuildEverything()
    {
        var text = new StringBuilder(
            """
            # I. Introduction

            The State party submits its *seventh* periodic report, with **strong** commitment, `code` and a [link](https://www.ohchr.org/en/treaty-bodies "OHCHR").[^1]

            This paragraph has an [unsafe link](javascript:alert(1)), a [relative one](../secret.docx), and <mailto:focal.point@example.org>.

            ## A. Background

            Le Comité note avec préoccupation l'accès limité à l'éducation : « égalité » et œuvre des enfants.[^note]

            تلتزم الدولة الطرف بحماية حقوق الإنسان وتعزيزها.[^1]

            ### 1. Details

            #### (a) Sub-details

            ##### A level-five heading

            > A quoted paragraph, which is not numbered.
            >
            > > A nested quote.

            - First bullet
            - Second bullet
              - Nested bullet
                1. Nested ordered item
            - Third bullet

            3. Third ordered item
            4. Fourth ordered item

            | Article | Status | Year |
            |:--------|:------:|-----:|
            | 2 | **Implemented** | 2021 |
            | 3 | Partly[^note] | 2022 |

            <script>alert('block')</script>

            Inline <script>alert('inline')</script> raw HTML and a hard line  
            break.

            ```
            code <b>block</b>
            ```

            ---

            A closing paragraph after the rule.


            """);

        for (var i = 1; i <= FillerParagraphs; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Filler paragraph {i} of the body.\n\n");
        }

        text.Append(
            """
            [^1]: The first note, with a [source](https://undocs.org/CCPR/C/MAR/7).
            [^note]: Une deuxième note : « voir ».

            """);
        return text.ToString();
    }
}
