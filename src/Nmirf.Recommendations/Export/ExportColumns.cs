using System.Globalization;
using System.Text;
using Nmirf.BuildingBlocks.Text;
using Nmirf.Recommendations.Contracts;

namespace Nmirf.Recommendations.Export;

/// <summary>What an exported cell holds: nothing, text, a whole number or a date.</summary>
internal enum ExportCellKind
{
    Empty,
    Text,
    Number,
    Date,
}

/// <summary>One exported value, typed so that .xlsx can write numbers and dates as such while CSV writes their text.</summary>
internal readonly record struct ExportCell(ExportCellKind Kind, string Text, int Number, DateOnly Date)
{
    /// <summary>The separator between the values of a multi-valued field.</summary>
    public const string ListSeparator = "; ";

    public static ExportCell Empty { get; } = new(ExportCellKind.Empty, string.Empty, 0, default);

    public static ExportCell Of(string? text) => string.IsNullOrEmpty(text) ? Empty : new(ExportCellKind.Text, text, 0, default);

    public static ExportCell Of(int? number) => number is { } value ? new(ExportCellKind.Number, string.Empty, value, default) : Empty;

    public static ExportCell Of(DateOnly? date) => date is { } value ? new(ExportCellKind.Date, string.Empty, 0, value) : Empty;

    public static ExportCell Of(IReadOnlyList<string>? values)
    {
        if (values is null || values.Count == 0)
        {
            return Empty;
        }

        var builder = new StringBuilder();
        foreach (var value in values)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(ListSeparator);
            }

            builder.Append(value);
        }

        return Of(builder.ToString());
    }

    /// <summary>The value as CSV writes it: text as is, numbers in invariant digits, dates as yyyy-MM-dd.</summary>
    public string ToText() => Kind switch
    {
        ExportCellKind.Text => Text,
        ExportCellKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        ExportCellKind.Date => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => string.Empty,
    };
}

/// <summary>One column of an export: its heading, its width in .xlsx (in characters), and how a row fills it.</summary>
internal sealed record ExportColumn(string Header, double Width, Func<RecommendationView, ExportCell> Value, bool Wrap = false);

/// <summary>The columns of a recommendation export, in order; CSV and .xlsx share them so the two files say the same.</summary>
internal static class ExportColumns
{
    public static IReadOnlyList<ExportColumn> All { get; } =
    [
        new("Body", 10, r => ExportCell.Of(r.Body)),
        new("Symbol", 24, r => ExportCell.Of(r.Symbol)),
        new("Paragraph", 11, r => ExportCell.Of(r.Paragraph)),
        new("Text", 80, r => ExportCell.Of(r.Text), Wrap: true),
        new("Type", 16, r => ExportCell.Of(Names.Kebab(r.Type))),
        new("Publication date", 16, r => ExportCell.Of(r.PublicationDate)),
        new("UPR cycle", 11, r => ExportCell.Of(r.UprCycle)),
        new("UPR session", 12, r => ExportCell.Of(r.UprSession)),
        new("Recommending states", 24, r => ExportCell.Of(r.RecommendingStates)),
        new("Response", 18, r => ExportCell.Of(r.Response is { } response ? Names.Kebab(response) : null)),
        new("Themes", 40, r => ExportCell.Of(r.Themes)),
        new("Affected persons", 30, r => ExportCell.Of(r.AffectedPersons)),
        new("SDG goals", 12, r => ExportCell.Of(r.SdgGoals)),
        new("SDG targets", 14, r => ExportCell.Of(r.SdgTargets)),
        new("Status", 22, r => ExportCell.Of(Names.Kebab(r.Status))),
        new("Lead institution", 32, r => ExportCell.Of(r.LeadInstitution)),
        new("Supporting institutions", 40, r => ExportCell.Of(r.SupportingInstitutions)),
        new("Follow-up", 11, r => ExportCell.Of(r.FollowUp ? "yes" : "no")),
        new("Follow-up deadline", 19, r => ExportCell.Of(r.FollowUpDeadline)),
        new("Annotation id", 38, r => ExportCell.Of(r.AnnotationId)),
        new("Id", 38, r => ExportCell.Of(r.Id.ToString("D", CultureInfo.InvariantCulture))),
    ];
}
