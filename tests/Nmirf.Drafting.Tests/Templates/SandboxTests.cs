using Microsoft.Extensions.Time.Testing;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Drafting.Templates;
using Scriban.Runtime;

namespace Nmirf.Drafting.Tests.Templates;

/// <summary>Hostile templates: each is refused with the template's name, a line and column where it applies, and the limit it hit; none hangs or crashes.</summary>
public sealed class SandboxTests
{
    private static readonly DraftingSettings Settings = new()
    {
        Limits = new TemplateLimits { Loops = 10_000, Recursion = 20, OutputCharacters = 100_000, Time = TimeSpan.FromSeconds(2) },
    };

    private sealed class Partials(Dictionary<string, string> texts) : IIncludeSource
    {
        public TemplateText? Find(string name) => texts.TryGetValue(name, out var t) ? new TemplateText(name, TemplateOrigin.Shared, "test", t) : null;
    }

    private static async Task<Result<string>> Render(string text, Dictionary<string, string>? partials = null)
    {
        var sandbox = new TemplateSandbox(Settings, new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero)));
        var parsed = sandbox.Parse("test/hostile.en.md", text);
        if (!parsed.IsSuccess)
        {
            return Result<string>.Failure(parsed.Errors);
        }

        var model = new ScriptObject { ["country"] = new ScriptObject { ["name"] = "Morocco" }, ["items"] = new ScriptArray { 1, 2, 3 } };
        var rendered = await sandbox.RenderAsync("test/hostile.en.md", parsed.Value, model, "en", new Partials(partials ?? []), CancellationToken.None);
        return rendered.Map(r => r.Markdown);
    }

    private static Error Refused(Result<string> result)
    {
        Assert.False(result.IsSuccess, result.IsSuccess ? "rendered: " + result.Value[..Math.Min(200, result.Value.Length)] : "");
        return result.Errors[0];
    }

    [Fact]
    public async Task Render_ModelAndHelpers_Work()
    {
        var result = await Render("{{ country.name }}: {{ for i in items }}{{ i }}{{ end }} {{ ordinal 7 }} {{ date.now | long_date }}");
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Equal("Morocco: 123 seventh 2 December 2026", result.Value);
    }

    [Theory]
    [InlineData("{{ for x in items }}", "syntax error")]
    [InlineData("Text\n{{ if }}", "syntax error")]
    [InlineData("{{ 1 + }}", "syntax error")]
    public async Task Render_SyntaxError_NamesTemplateLineAndColumn(string text, string expected)
    {
        var error = Refused(await Render(text));
        Assert.Equal("test/hostile.en.md", error.Field);
        Assert.NotNull(error.Line);
        Assert.NotNull(error.Column);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_InfiniteLoop_HitsLoopLimit()
    {
        var error = Refused(await Render("a\n{{ while true }}x{{ end }}"));
        Assert.Contains("loop limit", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public async Task Render_NestedHugeLoops_HitLoopLimit()
    {
        var error = Refused(await Render("{{ for i in 1..100000 }}{{ for j in 1..100000 }}{{ end }}{{ end }}"));
        Assert.Contains("loop limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_EndlessRecursion_HitsRecursionLimit()
    {
        var error = Refused(await Render("{{ func f(x)\n ret f(x + 1)\nend }}{{ f 1 }}"));
        Assert.Contains("recursion limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_SelfInclude_HitsRecursionLimit()
    {
        var error = Refused(await Render("{{ include 'partials/self' }}", new() { ["partials/self"] = "x{{ include 'partials/self' }}" }));
        Assert.Contains("recursion limit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ 'x' | string.pad_left 50000000 }}")]
    [InlineData("{{ s = 'abcdefghij'\nfor i in 1..30\n s = s + s\nend }}{{ s }}")]
    [InlineData("{{ for i in 1..9000 }}{{ 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }}{{ end }}")]
    public async Task Render_HugeOutput_HitsOutputLimit(string text)
    {
        var error = Refused(await Render(text));
        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ include '/etc/passwd' }}")]
    [InlineData("{{ include '../../appsettings.json' }}")]
    [InlineData("{{ include 'partials/../../secret' }}")]
    [InlineData("{{ include 'C:\\\\Windows\\\\win.ini' }}")]
    [InlineData("{{ include 'partials/missing' }}")]
    public async Task Render_IncludeOutsideChain_IsRefused(string text)
    {
        var error = Refused(await Render(text));
        Assert.Contains("include", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    [Theory]
    [InlineData("{{ system.io.file.read_all_text '/etc/passwd' }}")]
    [InlineData("{{ System.Environment.GetEnvironmentVariable 'PATH' }}")]
    [InlineData("{{ environment }}")]
    [InlineData("{{ country.get_type }}")]
    [InlineData("{{ items.get_type.assembly }}")]
    public async Task Render_DotNetAccess_IsRefusedOrEmpty(string text)
    {
        var result = await Render(text);
        if (result.IsSuccess)
        {
            Assert.True(string.IsNullOrWhiteSpace(result.Value), "reached something: " + result.Value);
        }
        else
        {
            Assert.NotNull(result.Errors[0].Line);
        }
    }

    [Fact]
    public async Task Render_EndlessLoopUnderAHighLoopLimit_HitsTheTimeLimit()
    {
        var settings = new DraftingSettings { Limits = new TemplateLimits { Loops = 0, Time = TimeSpan.FromMilliseconds(300) } };
        var sandbox = new TemplateSandbox(settings, new FakeTimeProvider());
        var parsed = sandbox.Parse("test/slow.en.md", "start\n{{ i = 0\nwhile true\n i = i + 1\nend }}");

        var result = await sandbox.RenderAsync("test/slow.en.md", parsed.Value, new ScriptObject(), "en", new Partials([]), CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.True(result.Errors[0].Message.Contains("time limit", StringComparison.Ordinal), result.Errors[0].ToString());
    }

    [Fact]
    public async Task Render_DateNow_IsTheHostClock()
    {
        var result = await Render("{{ date.to_string date.now '%Y-%m' }}");
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Equal("2026-12", result.Value);
    }

    [Fact]
    public async Task Render_CatastrophicRegex_IsStopped()
    {
        var error = Refused(await Render("{{ 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' | regex.match '^(a+)+$' }}"));
        Assert.NotNull(error.Line);
    }
}
