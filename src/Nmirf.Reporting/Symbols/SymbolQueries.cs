using Mediator;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Plugins.Abstractions;

namespace Nmirf.Reporting.Symbols;

/// <summary>What a UN document symbol says: body, country, document kind, report number or range.</summary>
public sealed record ParseSymbol(string Symbol) : IQuery<Result<ParsedSymbol>>;

/// <summary>The symbol of a document, from the body's preferred pattern.</summary>
public sealed record GenerateSymbol(string? Body, DocumentKind Kind, string? Country, string? Report = null, int? Session = null, int? Number = null, int? Year = null)
    : IQuery<Result<string>>;

internal sealed class SymbolHandlers(DocumentSymbols symbols) :
    IQueryHandler<ParseSymbol, Result<ParsedSymbol>>,
    IQueryHandler<GenerateSymbol, Result<string>>
{
    public ValueTask<Result<ParsedSymbol>> Handle(ParseSymbol query, CancellationToken cancellationToken) => ValueTask.FromResult(symbols.Parse(query.Symbol));

    public ValueTask<Result<string>> Handle(GenerateSymbol query, CancellationToken cancellationToken)
    {
        ReportNumber? report = null;
        if (query.Report is not null)
        {
            if (!ReportNumber.TryParse(query.Report, out var number))
            {
                return ValueTask.FromResult(Result<string>.Failure(new Error("report", $"'{query.Report}' is not a report number or an ascending range such as 5-6")));
            }

            report = number;
        }

        return ValueTask.FromResult(symbols.Generate(query.Body, query.Kind, query.Country, report, query.Session, query.Number, query.Year));
    }
}
