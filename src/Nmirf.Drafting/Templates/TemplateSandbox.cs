using System.Globalization;
using Nmirf.BuildingBlocks.Errors;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Nmirf.Drafting.Templates;

/// <summary>What a template produced: its Markdown, and the title and status it assigned.</summary>
public sealed record RenderedTemplate(string Markdown, string? Title, string? Status);

/// <summary>Finds the text of a partial a template includes, along the same chain as the template.</summary>
internal interface IIncludeSource
{
    /// <summary>The partial named <paramref name="name"/> (already checked by <see cref="IncludeName"/>), or null.</summary>
    TemplateText? Find(string name);
}

/// <summary>
/// Parses and renders templates under limits: the template sees the report model and the helper functions only (no
/// .NET member beyond the model's data, no file but the partials of its own chain); loops, recursion, output and time
/// are bounded. Every failure names the template, the line and column, and the limit it hit.
/// </summary>
internal sealed class TemplateSandbox(DraftingSettings settings, TimeProvider clock)
{
    private TemplateLimits Limits => settings.Limits;

    /// <summary>Parses a template; the errors carry the template's name, line and column.</summary>
    public Result<Template> Parse(string name, string text)
    {
        if (text.Length > Limits.TemplateCharacters)
        {
            return new Error(name, $"the template has {text.Length:N0} characters; the limit is {Limits.TemplateCharacters:N0}.");
        }

        var template = Template.Parse(text, name);
        if (!template.HasErrors)
        {
            return template;
        }

        return Result<Template>.Failure(template.Messages
            .Where(m => m.Type == ParserMessageType.Error)
            .Select(m => new Error(SpanName(m.Span, name), "syntax error: " + m.Message) { Line = m.Span.Start.Line + 1, Column = m.Span.Start.Column + 1 })
            .ToList());
    }

    /// <summary>
    /// Renders <paramref name="template"/> with <paramref name="model"/> as its globals. A template names its
    /// document by assigning <c>title</c> (and may assign <c>status</c>, such as "Draft"), which the cover shows.
    /// </summary>
    public async Task<Result<RenderedTemplate>> RenderAsync(string name, Template template, ScriptObject model, string language, IIncludeSource includes, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limits.Time);
        var loader = new ChainLoader(this, includes);
        var context = new TemplateContext
        {
            LoopLimit = Limits.Loops,
            LoopLimitQueryable = Limits.Loops,
            RecursiveLimit = Limits.Recursion,
            LimitToString = Limits.OutputCharacters,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OutputLimit = Limits.OutputCharacters,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            ObjectRecursionLimit = 20,
            RegexTimeOut = TimeSpan.FromSeconds(1),
            StrictVariables = true,
            EnableRelaxedMemberAccess = true,
            TemplateLoader = loader,
            MemberFilter = _ => false,
            CancellationToken = timeout.Token,
            NewLine = "\n",
        };
        PinClock(context);
        var globals = new ScriptObject();
        globals.Import(model);
        TemplateFunctions.Import(globals, language);
        context.PushGlobal(globals);
        context.PushCulture(CultureInfo.GetCultureInfo(language));
        try
        {
            var output = await template.RenderAsync(context).ConfigureAwait(false);
            return new RenderedTemplate(output, Read(globals, "title"), Read(globals, "status"));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var node = context.CurrentNode?.Span;
            return new Error(node is { } s ? SpanName(s, name) : name, $"the template ran longer than the time limit ({Limits.Time.TotalSeconds:0.#} s).") { Line = node?.Start.Line + 1, Column = node?.Start.Column + 1 };
        }
        catch (ScriptRuntimeException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new Error(SpanName(e.Span, name), $"the template ran longer than the time limit ({Limits.Time.TotalSeconds:0.#} s).") { Line = e.Span.Start.Line + 1, Column = e.Span.Start.Column + 1 };
        }
        catch (ScriptRuntimeException e)
        {
            return new Error(SpanName(e.Span, name), Explain(e.OriginalMessage)) { Line = e.Span.Start.Line + 1, Column = e.Span.Start.Column + 1 };
        }
        catch (InvalidOperationException e)
        {
            return new Error(name, e.Message);
        }
    }

    private static string? Read(ScriptObject globals, string name) =>
        globals.TryGetValue(name, out var value) && value is string text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static string SpanName(SourceSpan span, string fallback) => string.IsNullOrEmpty(span.FileName) ? fallback : span.FileName;

    /// <summary>The engine's message, with the limit named the way our settings name it.</summary>
    private string Explain(string message)
    {
        if (message.Contains("loop", StringComparison.OrdinalIgnoreCase) && message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return $"loop limit reached: more than {Limits.Loops:N0} iterations in one render ({message})";
        }

        if (message.Contains("recursive", StringComparison.OrdinalIgnoreCase) || message.Contains("recursion", StringComparison.OrdinalIgnoreCase))
        {
            return $"recursion limit reached: calls or includes nested deeper than {Limits.Recursion} ({message})";
        }

        if (message.Contains("limit", StringComparison.OrdinalIgnoreCase) && (message.Contains("output", StringComparison.OrdinalIgnoreCase) || message.Contains("string", StringComparison.OrdinalIgnoreCase)))
        {
            return $"output limit reached: more than {Limits.OutputCharacters:N0} characters ({message})";
        }

        return message;
    }

    /// <summary><c>date.now</c> is the host's clock (a test's fake clock), never the machine's.</summary>
    private void PinClock(TemplateContext context)
    {
        if (context.BuiltinObject.TryGetValue("date", out var value) && value is ScriptObject date)
        {
            date.Remove("now");
            date.SetValue("now", clock.GetUtcNow().UtcDateTime, readOnly: true);
        }
    }

    /// <summary>Resolves <c>include</c> along the template's own chain; a name that is not a plain relative name is refused.</summary>
    private sealed class ChainLoader(TemplateSandbox sandbox, IIncludeSource includes) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
        {
            if (!IncludeName.IsValid(templateName))
            {
                throw new ScriptRuntimeException(callerSpan, $"include '{Shorten(templateName)}' is refused: an include names a partial of the template chain, such as partials/recommendation.en (lower case, no '..', no absolute path).");
            }

            return templateName;
        }

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath)
        {
            var found = includes.Find(templatePath) ?? throw new ScriptRuntimeException(callerSpan, $"include '{templatePath}': no such partial in the template chain (country, overrides, plugin, shared).");
            if (found.Text.Length > sandbox.Limits.TemplateCharacters)
            {
                throw new ScriptRuntimeException(callerSpan, $"include '{templatePath}' has {found.Text.Length:N0} characters; the limit is {sandbox.Limits.TemplateCharacters:N0}.");
            }

            return found.Text;
        }

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new(Load(context, callerSpan, templatePath));

        private static string Shorten(string text) => text.Length > 80 ? text[..80] + "..." : text;
    }
}
