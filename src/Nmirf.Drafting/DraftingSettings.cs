namespace Nmirf.Drafting;

/// <summary>The drafting module's settings (configuration section <c>Drafting</c>).</summary>
public sealed class DraftingSettings
{
    /// <summary>The folder holding <c>shared/</c> and <c>overrides/</c>; by default the <c>templates</c> folder beside the executable.</summary>
    public string TemplatesPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "templates");

    /// <summary>The limits every template runs under.</summary>
    public TemplateLimits Limits { get; set; } = new();

    /// <summary>
    /// Document kinds (kebab case) whose footnotes do not count towards the word limit. By default the UPR national
    /// report, whose annexes and endnotes do not count (OHCHR guidance note [R4]); for the treaty bodies resolution
    /// 68/268 says nothing of footnotes, so they count (unverified: set here when a committee says otherwise).
    /// </summary>
    public List<string> FootnotesExcluded { get; set; } = ["upr-national-report"];

    /// <summary>Document kinds whose annexes (level-1 headings that begin "Annex", "Annexe" or "Anexo") do not count.</summary>
    public List<string> AnnexesExcluded { get; set; } = ["upr-national-report"];
}

/// <summary>What a template may consume before it is stopped.</summary>
public sealed class TemplateLimits
{
    /// <summary>Iterations across every loop of one render (Scriban counts nested loops together).</summary>
    public int Loops { get; set; } = 250_000;

    /// <summary>Depth of nested function calls and includes.</summary>
    public int Recursion { get; set; } = 64;

    /// <summary>Characters of output, and of any one string a template builds.</summary>
    public int OutputCharacters { get; set; } = 4_000_000;

    /// <summary>Wall time of one render.</summary>
    public TimeSpan Time { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Characters of a template file.</summary>
    public int TemplateCharacters { get; set; } = 500_000;
}
