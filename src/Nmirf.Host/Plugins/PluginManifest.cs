using System.Text.Json;
using System.Text.RegularExpressions;
using Nmirf.Plugins.Abstractions;

namespace Nmirf.Host.Plugins;

/// <summary>A plugin's <c>plugin.json</c>: who it is and what it was built against, read before any of its code is loaded.</summary>
internal sealed partial record PluginManifest(string Id, string Name, string Version, string ContractVersion, string EntryAssembly)
{
    public const string FileName = "plugin.json";

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^(?<major>\d+)\.(?<minor>\d+)$")]
    private static partial Regex ContractPattern();

    /// <summary>Reads and checks the manifest in <paramref name="folder"/>; the error names the file, the line or the field.</summary>
    public static (PluginManifest? Manifest, string? Error) Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return (null, $"no {FileName} in {folder}");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            return (null, $"{path}: line {exception.LineNumber + 1}: not valid JSON ({exception.Message.Split(" Path:")[0].Split(" LineNumber:")[0]})");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, $"{path}: expected an object with id, name, version, contractVersion and entryAssembly");
        }

        var problems = new List<string>();
        string? Field(string name)
        {
            if (!root.TryGetProperty(name, out var value))
            {
                problems.Add($"'{name}' is missing");
                return null;
            }

            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                problems.Add($"'{name}' must be a non-empty string");
                return null;
            }

            return value.GetString();
        }

        var id = Field("id");
        var name = Field("name");
        var version = Field("version");
        var contract = Field("contractVersion");
        var entry = Field("entryAssembly");
        foreach (var property in root.EnumerateObject().Where(p => p.Name is not ("id" or "name" or "version" or "contractVersion" or "entryAssembly")))
        {
            problems.Add($"unknown field '{property.Name}'");
        }

        if (id is not null && !IdPattern().IsMatch(id))
        {
            problems.Add($"'id' is '{id}': use lower-case letters, digits and hyphens, starting with a letter");
        }

        if (version is not null && !VersionPattern().IsMatch(version))
        {
            problems.Add($"'version' is '{version}': use a semantic version such as 1.0.0");
        }

        if (contract is not null && !ContractPattern().IsMatch(contract))
        {
            problems.Add($"'contractVersion' is '{contract}': use major.minor, such as {PluginContract.Version}");
        }

        if (entry is not null && (entry.IndexOfAny(['/', '\\']) >= 0 || !entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"'entryAssembly' is '{entry}': name a .dll file in the plugin's folder, without a path");
        }

        return problems.Count > 0
            ? (null, $"{path}: {string.Join("; ", problems)}")
            : (new PluginManifest(id!, name!, version!, contract!, entry!), null);
    }

    /// <summary>Null when the host's contract accepts this manifest's: same major version, minor no greater.</summary>
    public string? ContractProblem()
    {
        var wanted = ContractPattern().Match(ContractVersion);
        var host = ContractPattern().Match(PluginContract.Version);
        var compatible = wanted.Groups["major"].Value == host.Groups["major"].Value
            && int.Parse(wanted.Groups["minor"].Value, System.Globalization.CultureInfo.InvariantCulture) <= int.Parse(host.Groups["minor"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return compatible ? null : $"built against contract {ContractVersion}; this host provides contract {PluginContract.Version}";
    }
}
