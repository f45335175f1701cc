using System.Globalization;

namespace Nmirf.Plugins.Abstractions;

/// <summary>The type of a rule's value.</summary>
public enum RuleType
{
    /// <summary>A whole number, such as a word limit.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>An ISO 8601 period of years, months and days, such as <c>P1Y</c>, <c>P3M</c> or <c>P30D</c>.</summary>
    Duration,

    /// <summary>Free text, such as a range of recommendation counts (<c>3-5</c>).</summary>
    Text,
}

/// <summary>
/// One reporting rule of a body: a keyed value with its source. A rule whose source could not be verified says so;
/// a deployment may override any rule's value by configuration, without a rebuild.
/// </summary>
/// <param name="Key">The rule's key, such as <c>initial-report.due-after</c>; see <see cref="RuleKeys"/>.</param>
/// <param name="Type">The type of <paramref name="Value"/>.</param>
/// <param name="Value">The value in its invariant text form: <c>21200</c>, <c>true</c>, <c>P4Y</c>.</param>
/// <param name="Source">Where the rule comes from: a treaty article, a UN document, a resolution.</param>
/// <param name="Verified">False when the source could not be checked against the text.</param>
public sealed record Rule(string Key, RuleType Type, string Value, string Source, bool Verified)
{
    /// <summary>A whole-number rule.</summary>
    public static Rule Number(string key, int value, string source, bool verified = true) =>
        new(key, RuleType.Number, value.ToString(CultureInfo.InvariantCulture), source, verified);

    /// <summary>A yes-or-no rule.</summary>
    public static Rule Boolean(string key, bool value, string source, bool verified = true) =>
        new(key, RuleType.Boolean, value ? "true" : "false", source, verified);

    /// <summary>A period rule, such as <c>P1Y</c>.</summary>
    public static Rule Duration(string key, string period, string source, bool verified = true) =>
        new(key, RuleType.Duration, Period.Parse(period).ToString(), source, verified);

    /// <summary>A text rule.</summary>
    public static Rule Text(string key, string value, string source, bool verified = true) =>
        new(key, RuleType.Text, value, source, verified);

    /// <summary>The value of a <see cref="RuleType.Number"/> rule.</summary>
    public int AsNumber() => Type == RuleType.Number ? int.Parse(Value, CultureInfo.InvariantCulture) : throw WrongType(RuleType.Number);

    /// <summary>The value of a <see cref="RuleType.Boolean"/> rule.</summary>
    public bool AsBoolean() => Type == RuleType.Boolean ? Value == "true" : throw WrongType(RuleType.Boolean);

    /// <summary>The value of a <see cref="RuleType.Duration"/> rule.</summary>
    public Period AsPeriod() => Type == RuleType.Duration ? Period.Parse(Value) : throw WrongType(RuleType.Duration);

    /// <summary>The reason <paramref name="value"/> cannot be this rule's value, or null when it can.</summary>
    public string? ProblemWith(string value) => Type switch
    {
        RuleType.Number => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 0 ? null : $"'{value}' is not a whole number",
        RuleType.Boolean => value is "true" or "false" ? null : $"'{value}' is not true or false",
        RuleType.Duration => Period.TryParse(value, out _) ? null : $"'{value}' is not an ISO 8601 period such as P1Y, P3M or P30D",
        _ => string.IsNullOrWhiteSpace(value) ? "is empty" : null,
    };

    private InvalidOperationException WrongType(RuleType asked) => new($"Rule '{Key}' is {Type}, not {asked}.");
}

/// <summary>The reporting rules of a body, by key.</summary>
public sealed class ReportingRules
{
    private readonly Dictionary<string, Rule> _rules;

    /// <summary>Creates the rules; keys must be unique.</summary>
    public ReportingRules(IEnumerable<Rule> rules, IEnumerable<SymbolPattern>? symbols = null, IEnumerable<ReviewCycle>? cycles = null)
    {
        _rules = new Dictionary<string, Rule>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (!_rules.TryAdd(rule.Key, rule))
            {
                throw new ArgumentException($"Rule '{rule.Key}' is declared twice.", nameof(rules));
            }
        }

        Symbols = symbols?.ToList() ?? [];
        Cycles = cycles?.ToList() ?? [];
    }

    /// <summary>Every rule, in declaration order.</summary>
    public IReadOnlyCollection<Rule> All => _rules.Values;

    /// <summary>The patterns of the body's document symbols, most specific first; the first of a kind is the one generated.</summary>
    public IReadOnlyList<SymbolPattern> Symbols { get; }

    /// <summary>The body's review cycles with their dates, for bodies that review every state in fixed cycles (the UPR).</summary>
    public IReadOnlyList<ReviewCycle> Cycles { get; }

    /// <summary>The rule with <paramref name="key"/>, or null when the body has no such rule.</summary>
    public Rule? Find(string key) => _rules.GetValueOrDefault(key);

    /// <summary>These rules with some values replaced (the caller has checked each with <see cref="Rule.ProblemWith"/>).</summary>
    public ReportingRules With(IEnumerable<Rule> replacements)
    {
        var rules = _rules.Values.ToDictionary(r => r.Key, StringComparer.Ordinal);
        foreach (var replacement in replacements)
        {
            rules[replacement.Key] = replacement;
        }

        return new ReportingRules(_rules.Keys.Select(k => rules[k]), Symbols, Cycles);
    }
}

/// <summary>One cycle of a cyclical review, such as the third UPR cycle.</summary>
/// <param name="Number">The cycle's number, from 1.</param>
/// <param name="Start">The first day of the cycle's first session, or the first day of its first month when only the month is known.</param>
/// <param name="End">The last day of the cycle, when known.</param>
/// <param name="FirstSession">The first working-group session of the cycle.</param>
/// <param name="LastSession">The last working-group session of the cycle, when known.</param>
/// <param name="Source">Where the dates come from.</param>
/// <param name="Verified">False when the dates could not be checked.</param>
public sealed record ReviewCycle(int Number, DateOnly Start, DateOnly? End, int? FirstSession, int? LastSession, string Source, bool Verified);

/// <summary>The keys of the rules the reporting calendar and the drafting module read. Plugins may add keys of their own.</summary>
public static class RuleKeys
{
    /// <summary>Duration: how long after deposit of the instrument it enters into force for the state (used when the ratification does not record the date).</summary>
    public const string EntryIntoForceAfterDeposit = "entry-into-force.after-deposit";

    /// <summary>Duration: how long after entry into force the initial report is due.</summary>
    public const string InitialReportDueAfter = "initial-report.due-after";

    /// <summary>Duration: the periodicity of reports in the treaty text.</summary>
    public const string PeriodicReportEvery = "periodic-report.every";

    /// <summary>Duration: the length of the predictable review cycle in current practice (eight years since the 2022 Chairs' decision).</summary>
    public const string PredictableReviewCycle = "periodic-report.predictable-cycle";

    /// <summary>Boolean: whether the simplified reporting procedure (a list of issues prior to reporting) is the default.</summary>
    public const string SimplifiedProcedureDefault = "simplified-procedure.default";

    /// <summary>Boolean: whether a state may opt out of the simplified procedure for the standard one.</summary>
    public const string SimplifiedProcedureOptOut = "simplified-procedure.opt-out";

    /// <summary>Duration: how long after the concluding observations the state's follow-up information is due.</summary>
    public const string FollowUpDeadline = "follow-up.deadline";

    /// <summary>Text: how many recommendations the body typically selects for follow-up, such as <c>3</c> or <c>3-5</c>.</summary>
    public const string FollowUpRecommendations = "follow-up.recommendations";

    /// <summary>Duration: how often the body reviews each state in a cyclical review (the UPR cycle length).</summary>
    public const string ReviewCycleLength = "review.cycle-length";

    /// <summary>The prefix of word limits: <c>word-limit.</c> followed by a document kind in kebab case, such as <c>word-limit.periodic-report</c>.</summary>
    public const string WordLimitPrefix = "word-limit.";

    /// <summary>The key of the word limit of <paramref name="kind"/>.</summary>
    public static string WordLimit(DocumentKind kind) => WordLimitPrefix + DocumentKinds.Kebab(kind);
}
