namespace Nmirf.Recommendations.Suggestions;

/// <summary>A recommendation the mechanism has already decided on: its text, the themes it carries and its lead institution, as the index compares them.</summary>
public sealed record IndexedRecommendation(Guid Id, string Text, IReadOnlyList<string> Themes, string? LeadInstitution);

/// <summary>An indexed recommendation and its cosine similarity (0 to 1) to a text, over TF-IDF weighted word stems.</summary>
public sealed record SimilarRecommendation(IndexedRecommendation Recommendation, double Score)
{
    /// <summary>The id of the similar recommendation.</summary>
    public Guid Id => Recommendation.Id;
}

/// <summary>A suggested value with its score: the similarities of the neighbours carrying it, summed and divided by those of all neighbours (0 to 1).</summary>
/// <param name="Value">The theme or institution, as the first supporting neighbour spells it.</param>
/// <param name="Score">1 when every neighbour carries the value; the share of the neighbours' total similarity otherwise.</param>
/// <param name="SupportingIds">The neighbours that carry the value, the most similar first, so a person can check why it is suggested.</param>
public sealed record SuggestedValue(string Value, double Score, IReadOnlyList<Guid> SupportingIds);

/// <summary>Themes and a lead institution suggested for a text by a similarity-weighted vote of its nearest indexed neighbours: suggestions, each with its evidence.</summary>
/// <param name="Themes">The suggested themes, highest score first.</param>
/// <param name="LeadInstitutions">The suggested lead institutions, highest score first.</param>
/// <param name="Neighbours">The neighbours that voted (similarity at least <see cref="SimilarityIndex.MinimumSimilarity"/>), most similar first.</param>
public sealed record Suggestion(IReadOnlyList<SuggestedValue> Themes, IReadOnlyList<SuggestedValue> LeadInstitutions, IReadOnlyList<SimilarRecommendation> Neighbours)
{
    /// <summary>No suggestion: the text shares no meaningful word with a decided recommendation.</summary>
    public static Suggestion Empty { get; } = new([], [], []);

    /// <summary>True when there is nothing to suggest.</summary>
    public bool IsEmpty => Themes.Count == 0 && LeadInstitutions.Count == 0;
}

/// <summary>Ranks decided recommendations by the cosine similarity of TF-IDF vectors over accent-free word stems of their text and a new one (0 unrelated, 1 same words).</summary>
/// <remarks>
/// A term weighs more the more often it occurs in a text (1 + ln count) and the fewer indexed recommendations use it
/// (ln((1 + N) / (1 + df)) + 1). Words are lower-cased, stripped of accents and cut to a rough stem, and the common words
/// of English, French, Spanish and Portuguese (and the drafting words every recommendation uses) are left out, so a
/// French text can find an English one about the same thing ("torture en détention", "torture in detention"). The index
/// is built once and is safe to query from several threads.
/// </remarks>
public sealed class SimilarityIndex
{
    /// <summary>The similarity a neighbour must reach to support a suggestion; below it, shared words are likely chance.</summary>
    public const double MinimumSimilarity = 0.1;

    private readonly IndexedRecommendation[] _documents;
    private readonly Dictionary<string, int> _termIds;
    private readonly double[] _idf;
    private readonly double _unseenIdf;

    /// <summary>For each term id, the documents that hold the term and the term's weight in each (document vectors have unit length).</summary>
    private readonly (int Document, double Weight)[][] _postings;

    /// <summary>Indexes <paramref name="recommendations"/>; the sequence is read once.</summary>
    public SimilarityIndex(IEnumerable<IndexedRecommendation> recommendations)
    {
        ArgumentNullException.ThrowIfNull(recommendations);

        _documents = [.. recommendations];
        _termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new Dictionary<int, int>[_documents.Length];
        var documentFrequency = new List<int>();
        for (var d = 0; d < _documents.Length; d++)
        {
            counts[d] = [];
            foreach (var term in TextTerms.Of(_documents[d].Text))
            {
                if (!_termIds.TryGetValue(term, out var id))
                {
                    id = _termIds.Count;
                    _termIds.Add(term, id);
                    documentFrequency.Add(0);
                }

                if (counts[d].TryGetValue(id, out var count))
                {
                    counts[d][id] = count + 1;
                }
                else
                {
                    counts[d][id] = 1;
                    documentFrequency[id]++;
                }
            }
        }

        _idf = [.. documentFrequency.Select(df => InverseDocumentFrequency(_documents.Length, df))];
        _unseenIdf = InverseDocumentFrequency(_documents.Length, 0);

        var postings = new List<(int, double)>[_termIds.Count];
        for (var t = 0; t < postings.Length; t++)
        {
            postings[t] = [];
        }

        for (var d = 0; d < _documents.Length; d++)
        {
            var weights = counts[d].Select(pair => (Term: pair.Key, Weight: TermFrequency(pair.Value) * _idf[pair.Key])).ToList();
            var norm = Math.Sqrt(weights.Sum(w => w.Weight * w.Weight));
            foreach (var (term, weight) in weights)
            {
                postings[term].Add((d, weight / norm));
            }
        }

        _postings = [.. postings.Select(p => p.ToArray())];
    }

    /// <summary>How many recommendations the index holds.</summary>
    public int Count => _documents.Length;

    /// <summary>
    /// The <paramref name="count"/> indexed recommendations most similar to <paramref name="text"/>, highest score first
    /// and, for equal scores, by id; a recommendation sharing no word stem with the text (score 0) is never listed.
    /// </summary>
    /// <param name="text">The text to compare; empty text, or text of common words only, finds nothing.</param>
    /// <param name="count">The most recommendations to return.</param>
    /// <param name="exclude">A recommendation to leave out, typically the one the text comes from.</param>
    public IReadOnlyList<SimilarRecommendation> MostSimilar(string text, int count, Guid? exclude = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return [];
        }

        var scores = Scores(text);
        return [.. scores
            .Where(pair => exclude is not { } excluded || _documents[pair.Key].Id != excluded)
            .Select(pair => new SimilarRecommendation(_documents[pair.Key], Math.Clamp(pair.Value, 0D, 1D)))
            .Where(s => s.Score > 0D)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Id)
            .Take(count)];
    }

    /// <summary>
    /// Themes and lead institutions for <paramref name="text"/>, from the <paramref name="neighbours"/> most similar
    /// recommendations whose similarity is at least <see cref="MinimumSimilarity"/>. Each value's score is the sum of
    /// the similarities of the neighbours carrying it over the sum of all the neighbours' similarities, and it lists
    /// those neighbours. Text with no meaningful word gives <see cref="Suggestion.Empty"/>.
    /// </summary>
    public Suggestion Suggest(string text, int neighbours = 10, Guid? exclude = null)
    {
        var voters = MostSimilar(text, neighbours, exclude).Where(n => n.Score >= MinimumSimilarity).ToList();
        if (voters.Count == 0)
        {
            return Suggestion.Empty;
        }

        var total = voters.Sum(v => v.Score);
        return new Suggestion(
            Vote(voters, v => v.Recommendation.Themes ?? [], total),
            Vote(voters, v => v.Recommendation.LeadInstitution is { } lead ? [lead] : [], total),
            voters);
    }

    private static IReadOnlyList<SuggestedValue> Vote(List<SimilarRecommendation> voters, Func<SimilarRecommendation, IEnumerable<string>> values, double total)
    {
        var tally = new Dictionary<string, (string Value, double Sum, List<Guid> Ids)>(StringComparer.OrdinalIgnoreCase);
        foreach (var voter in voters)
        {
            foreach (var raw in values(voter))
            {
                var value = raw?.Trim();
                if (string.IsNullOrEmpty(value))
                {
                    continue;
                }

                if (!tally.TryGetValue(value, out var entry))
                {
                    entry = (value, 0D, []);
                }

                if (entry.Ids.Contains(voter.Id))
                {
                    continue;
                }

                entry.Ids.Add(voter.Id);
                tally[value] = (entry.Value, entry.Sum + voter.Score, entry.Ids);
            }
        }

        return [.. tally.Values
            .Select(e => new SuggestedValue(e.Value, Math.Clamp(e.Sum / total, 0D, 1D), e.Ids))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Value, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The cosine similarity of <paramref name="text"/> to every indexed recommendation sharing a term with it.</summary>
    private Dictionary<int, double> Scores(string text)
    {
        var scores = new Dictionary<int, double>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in TextTerms.Of(text ?? string.Empty))
        {
            counts[term] = counts.TryGetValue(term, out var count) ? count + 1 : 1;
        }

        if (counts.Count == 0)
        {
            return scores;
        }

        var query = new List<(int Term, double Weight)>(counts.Count);
        var squares = 0D;
        foreach (var (term, count) in counts)
        {
            var known = _termIds.TryGetValue(term, out var id);
            var weight = TermFrequency(count) * (known ? _idf[id] : _unseenIdf);
            squares += weight * weight;
            if (known)
            {
                query.Add((id, weight));
            }
        }

        var norm = Math.Sqrt(squares);
        foreach (var (term, weight) in query)
        {
            foreach (var (document, documentWeight) in _postings[term])
            {
                scores[document] = scores.GetValueOrDefault(document) + (weight / norm * documentWeight);
            }
        }

        return scores;
    }

    private static double TermFrequency(int count) => 1D + Math.Log(count);

    private static double InverseDocumentFrequency(int documents, int documentFrequency) =>
        Math.Log((1D + documents) / (1D + documentFrequency)) + 1D;
}
