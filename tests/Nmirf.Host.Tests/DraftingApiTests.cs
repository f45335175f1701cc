using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Nmirf.Host.Tests;

/// <summary>The drafting API on the real server, as Morocco's demo drafter: drafts with their word check, and the country's own templates.</summary>
public sealed class DraftingApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Name = "cat/periodic-report.fr.md";

    private async Task<HttpClient> DrafterAsync() => await server.ClientForAsync("drafter.mar@demo.nmirf.test");

    [Fact]
    public async Task PostDraft_Docx_ReturnsTheFileAndItsWordCheck()
    {
        var client = await DrafterAsync();

        var response = await client.PostAsJsonAsync("/countries/MAR/drafts", new { body = "cat", document = "periodic-report", format = "docx" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        var draft = result.GetProperty("draft");
        Assert.Equal("fr", draft.GetProperty("language").GetString());
        Assert.True(draft.GetProperty("words").GetProperty("counted").GetInt32() > 100);
        Assert.Equal(21200, draft.GetProperty("words").GetProperty("limit").GetInt32());
        using var zip = new ZipArchive(new MemoryStream(Convert.FromBase64String(result.GetProperty("content").GetString()!)));
        Assert.NotNull(zip.GetEntry("word/document.xml"));
    }

    [Fact]
    public async Task PostDraftFile_ReturnsTheFileWithWordHeaders()
    {
        var client = await DrafterAsync();

        var response = await client.PostAsJsonAsync("/countries/MAR/drafts/file", new { body = "cat", document = "periodic-report", format = "html", language = "en" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("21200", response.Headers.GetValues("X-Word-Limit").Single());
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostDraft_MissingFormatAndUnknownCycle_Are400And404()
    {
        var client = await DrafterAsync();

        var missing = await client.PostAsJsonAsync("/countries/MAR/drafts", new { body = "cat", document = "periodic-report" });
        var unknown = await client.PostAsJsonAsync("/countries/MAR/drafts", new { body = "cat", document = "periodic-report", format = "md", cycle = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("format", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task PutTemplate_Invalid_Is400WithLineAndSavesNothing_ValidIsSavedShownAndRemoved()
    {
        var client = await DrafterAsync();

        var bad = await client.PutAsync(new Uri($"/countries/MAR/templates/{Name}", UriKind.Relative), new StringContent("Titre\n{{ for x in 1..3 }}", Encoding.UTF8, "text/plain"));
        var listedAfterBad = await client.GetFromJsonAsync<JsonElement>("/countries/MAR/templates?body=cat");
        var good = await client.PutAsync(new Uri($"/countries/MAR/templates/{Name}", UriKind.Relative), new StringContent("{{ title = \"Rapport\" }}\n# Propre\n\nTexte du Maroc.\n", Encoding.UTF8, "text/plain"));
        var shown = await client.GetStringAsync(new Uri($"/countries/MAR/templates/{Name}", UriKind.Relative));
        var draft = await client.PostAsJsonAsync("/countries/MAR/drafts", new { body = "cat", document = "periodic-report", format = "md" });
        var removed = await client.DeleteAsync(new Uri($"/countries/MAR/templates/{Name}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("line 2", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(listedAfterBad.EnumerateArray(), t => t.GetProperty("origin").GetString() == "country");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Contains("Texte du Maroc.", shown, StringComparison.Ordinal);
        var content = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("content").GetString()!;
        Assert.Contains("Texte du Maroc.", Encoding.UTF8.GetString(Convert.FromBase64String(content)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
    }
}
