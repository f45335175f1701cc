using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Nmirf.Recommendations.Suggestions;

/// <summary>
/// The terms a text is compared by: its words of three letters or more, lower-cased, without accents, minus common words,
/// each cut to a rough stem so that singular and plural, and the English and Romance spellings of the same word
/// ("torture", "tortura"), meet.
/// </summary>
internal static class TextTerms
{
    private const int MinimumLength = 3;

    /// <summary>
    /// Words that say nothing about the subject of a recommendation, accent-free: the function words of English, French,
    /// Spanish and Portuguese, and the drafting words of treaty bodies and the UPR (committee, State party, recommends).
    /// </summary>
    private static readonly FrozenSet<string> StopWords = new[]
    {
        // English
        "the", "and", "for", "are", "but", "not", "nor", "with", "this", "that", "these", "those", "from", "into", "onto",
        "its", "their", "theirs", "them", "they", "there", "here", "has", "have", "had", "having", "was", "were", "been",
        "being", "which", "who", "whom", "whose", "what", "all", "any", "some", "such", "other", "others", "also", "shall",
        "should", "would", "could", "may", "might", "must", "can", "will", "than", "then", "when", "where", "while",
        "about", "above", "below", "under", "over", "between", "within", "without", "upon", "through", "throughout",
        "including", "include", "includes", "particular", "particularly", "order", "well", "each", "both", "more", "most",
        "very", "our", "your", "his", "her", "hers", "she", "him", "out", "only", "same", "further", "via",
        "against", "during", "before", "after", "does", "did", "doing", "how", "why", "own", "because", "until", "whether",
        "committee", "state", "states", "party", "parties", "recommends", "recommend", "recommended", "recommendation",
        "recommendations", "urges", "encourages", "calls", "requests", "invites", "reiterates", "notes", "regrets",
        "concerned", "concern", "welcomes",

        // French
        "les", "des", "une", "dans", "par", "pour", "sur", "aux", "avec", "son", "ses", "sont", "qui", "que", "quoi",
        "dont", "cette", "cet", "ces", "est", "ete", "etre", "leur", "leurs", "pas", "plus", "ainsi", "notamment", "afin",
        "tout", "tous", "toute", "toutes", "entre", "sans", "sous", "selon", "lors", "elle", "elles", "ils", "nous", "vous",
        "mais", "donc", "comme", "aussi", "meme", "autre", "autres", "ont", "avoir", "fait", "faire", "cela", "celle",
        "celles", "ceux", "celui", "chez", "vers", "depuis", "pendant", "avant", "apres", "encore", "deja", "tres",
        "comite", "etat", "etats", "partie", "recommande", "engage", "exhorte", "invite", "prie", "demande",
        "encourage", "preoccupe", "regrette", "note", "salue",

        // Spanish
        "los", "las", "del", "una", "unos", "unas", "por", "para", "con", "como", "sus", "ese", "esa", "esos", "esas",
        "este", "esta", "estos", "estas", "sobre", "sin", "mas", "pero", "tambien", "todo", "todos", "toda", "todas",
        "ser", "sido", "han", "hay", "asi", "incluso", "cual", "cuales", "otro", "otra", "otros", "otras", "desde",
        "hasta", "durante", "segun", "cuando", "donde", "muy", "fin", "estado", "estados",
        "parte", "partes", "recomienda", "insta", "alienta", "exhorta", "invita", "pide", "solicita", "preocupa",
        "lamenta", "observa", "acoge",

        // Portuguese
        "dos", "das", "umas", "uns", "nos", "nas", "pelo", "pela", "pelos", "pelas", "com", "seu", "sua", "seus", "suas",
        "sem", "tambem", "foi", "tem", "esse", "essa", "isso", "isto", "aos", "ate", "quando", "onde", "muito", "mesmo",
        "recomenda", "exorta", "encoraja", "preocupado",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The terms of <paramref name="text"/>, in order, repeated as often as they occur.</summary>
    public static IEnumerable<string> Of(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var letter = i < folded.Length && char.IsLetter(folded[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                var word = folded[start..i];
                start = -1;
                if (word.Length >= MinimumLength && !StopWords.Contains(word))
                {
                    yield return Stem(word);
                }
            }
        }
    }

    /// <summary><paramref name="text"/> in lower case, its accents and ligatures (œ, æ, ß) spelled out in plain letters.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case 'œ':
                    builder.Append("oe");
                    break;
                case 'æ':
                    builder.Append("ae");
                    break;
                case 'ß':
                    builder.Append("ss");
                    break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// A rough stem: -ing and -ed dropped, then a plural -s (-ies becomes -y), then a final vowel e, a or o, each only while
    /// at least four letters remain (three for the final vowel). "Detentions" and "détention" give "detention",
    /// "torture" and "tortura" give "tortur", "enfants" gives "enfant".
    /// </summary>
    public static string Stem(string word)
    {
        var stem = word;
        if (stem.Length >= 7 && stem.EndsWith("ing", StringComparison.Ordinal))
        {
            stem = stem[..^3];
        }
        else if (stem.Length >= 6 && stem.EndsWith("ed", StringComparison.Ordinal))
        {
            stem = stem[..^2];
        }

        if (stem.Length >= 5 && stem.EndsWith("ies", StringComparison.Ordinal))
        {
            stem = stem[..^3] + "y";
        }
        else if (stem.Length >= 5 && stem[^1] == 's' && stem[^2] != 's')
        {
            stem = stem[..^1];
        }

        if (stem.Length >= 4 && stem[^1] is 'e' or 'a' or 'o')
        {
            stem = stem[..^1];
        }

        return stem;
    }
}
