using System.Text.Json.Serialization;
using Mediator;
using Nmirf.BuildingBlocks.Bodies;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Drafting.Reports;
using Nmirf.Drafting.Rendering;
using Nmirf.Drafting.Templates;
using Nmirf.Drafting.WordCount;
using Nmirf.Plugins.Abstractions;

namespace Nmirf.Drafting.Use;

/// <summary>The output formats of a draft.</summary>
public enum DraftFormat
{
    Md,
    Html,
    Docx,
}

/// <summary>
/// Generates a draft: the report model of the country, body and cycle, rendered by the template that applies in
/// the language asked (or the country's first working language that has one), in the format asked, with the word
/// check against the body's limit for the document.
/// </summary>
public sealed record GenerateDraft(string Country, string Body, string Document, DraftFormat Format, Guid? Cycle = null, string? Language = null) : ICommand<Result<Draft>>;

/// <summary>A generated draft and its word check.</summary>
public sealed record Draft(
    string FileName,
    string ContentType,
    [property: JsonIgnore] byte[] Content,
    string Template,
    TemplateOrigin TemplateOrigin,
    string Language,
    string Title,
    string? Symbol,
    int Paragraphs,
    int Recommendations,
    WordCheck Words);

internal sealed class DraftHandlers(ReportModelBuilder builder, TemplateStore store, TemplateSandbox sandbox, IBodyCatalog bodies, DraftingSettings settings) :
    ICommandHandler<GenerateDraft, Result<Draft>>
{
    public async ValueTask<Result<Draft>> Handle(GenerateDraft command, CancellationToken cancellationToken)
    {
        // The workflow vocabulary's name for the follow-up document.
        if (command.Document == "follow-up-report")
        {
            command = command with { Document = DocumentKinds.Kebab(DocumentKind.FollowUpInformation) };
        }

        if (DocumentKinds.Parse(command.Document) is not { } kind)
        {
            return new Error("document", $"'{command.Document}' is not a document kind; use one of {string.Join(", ", Enum.GetValues<DocumentKind>().Select(DocumentKinds.Kebab))}.");
        }

        if (bodies.Find(command.Body) is null)
        {
            return Error.NotFound("body", $"no loaded plugin '{command.Body}'; the bodies are {string.Join(", ", bodies.Bodies.Select(b => b.Id))}.");
        }

        // The model first: an unknown country, an unratified treaty or a missing cycle is the first thing to say.
        var model = await builder.BuildAsync(new DraftSubject(command.Country, command.Body, kind, command.Cycle, command.Language ?? "en"), cancellationToken);
        if (!model.IsSuccess)
        {
            return Result<Draft>.Failure(model.Errors);
        }

        var template = await ChooseTemplateAsync(command, model.Value.Country.WorkingLanguages, cancellationToken);
        if (!template.IsSuccess)
        {
            return Result<Draft>.Failure(template.Errors);
        }

        var (name, text) = template.Value;
        var report = model.Value with { Document = model.Value.Document with { Language = name.Language } };
        return await RenderAsync(name, text, report, command.Format, cancellationToken);
    }

    /// <summary>Renders a model with a template's text into a draft (also what the benchmark times).</summary>
    internal async Task<Result<Draft>> RenderAsync(TemplateName name, TemplateText text, ReportModel report, DraftFormat format, CancellationToken cancellationToken)
    {
        var rendered = await RenderTemplateAsync(name, text, report, cancellationToken);
        if (!rendered.IsSuccess)
        {
            return Result<Draft>.Failure(rendered.Errors);
        }

        var markdown = rendered.Value.Markdown;
        var document = DraftMarkdown.Parse(markdown);
        var title = rendered.Value.Title ?? $"{report.Body.Acronym} {report.Document.Kind}";
        var cover = new DraftCover(report.Document.Symbol, title, report.Body.Name, report.Body.Treaty, report.Country.Name, name.Language, report.Document.GeneratedOn, rendered.Value.Status ?? "Draft");
        var words = WordCounter.Check(document, report.Document.WordLimit, !settings.FootnotesExcluded.Contains(name.Document), !settings.AnnexesExcluded.Contains(name.Document));
        var (content, contentType) = format switch
        {
            DraftFormat.Html => (System.Text.Encoding.UTF8.GetBytes(HtmlWriter.Write(document, cover)), "text/html; charset=utf-8"),
            DraftFormat.Docx => (Docx(document, cover), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            _ => (System.Text.Encoding.UTF8.GetBytes(MarkdownWriter.Write(markdown, document, cover)), "text/markdown; charset=utf-8"),
        };
        var fileName = $"{report.Country.Code}-{report.Body.Id}-{name.Document}{(report.Cycle.Report is { } r ? "-" + r : "")}.{name.Language}.{format.ToString().ToLowerInvariant()}";
        return new Draft(
            fileName, contentType, content, name.ToString(), text.Origin, name.Language, title, report.Document.Symbol,
            document.Count(DraftMarkdown.IsNumbered), report.Previous.Recommendations.Count, words);
    }

    /// <summary>The Scriban part of a draft: the template parsed and rendered to Markdown, nothing after (the benchmark's floor).</summary>
    internal async Task<Result<RenderedTemplate>> RenderTemplateAsync(TemplateName name, TemplateText text, ReportModel report, CancellationToken cancellationToken)
    {
        var parsed = sandbox.Parse(name.ToString(), text.Text);
        if (!parsed.IsSuccess)
        {
            return Result<RenderedTemplate>.Failure(parsed.Errors);
        }

        var includes = await store.IncludesAsync(name.Body, report.Country.Code, cancellationToken);
        return await sandbox.RenderAsync(name.ToString(), parsed.Value, ScriptModel.From(report), name.Language, includes, cancellationToken);
    }

    private static byte[] Docx(Markdig.Syntax.MarkdownDocument document, DraftCover cover)
    {
        using var stream = new MemoryStream();
        DocxWriter.Write(document, cover, stream);
        return stream.ToArray();
    }

    private async Task<Result<(TemplateName, TemplateText)>> ChooseTemplateAsync(GenerateDraft command, IReadOnlyList<string> workingLanguages, CancellationToken cancellationToken)
    {
        var languages = command.Language is { } asked ? [asked] : workingLanguages.Append("en").Distinct().ToList();
        foreach (var language in languages)
        {
            if (!TemplateName.TryParse($"{command.Body}/{command.Document}.{language}.md", out var name))
            {
                return new Error("language", $"'{language}' is not an ISO 639-1 language code such as en, fr, es or pt.");
            }

            if (await store.FindAsync(name, command.Country, cancellationToken) is { } text)
            {
                return (name, text);
            }
        }

        var available = (await store.ListAsync(command.Body, command.Country, cancellationToken)).Where(t => t.Document == command.Document).Select(t => t.Language).ToList();
        return Error.NotFound(
            command.Language is null ? "document" : "language",
            available.Count == 0
                ? $"no template for {command.Body}/{command.Document} in any language: that document is not drafted for {command.Body} (nmirf templates list --body {command.Body})."
                : $"no {command.Body}/{command.Document} template in {string.Join(" or ", languages)}; there is one in {string.Join(", ", available)} (--lang), or add one with nmirf templates override.");
    }
}
