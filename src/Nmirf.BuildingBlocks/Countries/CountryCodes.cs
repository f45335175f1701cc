using System.Collections.Frozen;
using System.Reflection;

namespace Nmirf.BuildingBlocks.Countries;

/// <summary>The ISO 3166-1 alpha-3 codes that name countries (the tenants) and appear in UN document symbols.</summary>
public static class CountryCodes
{
    private static readonly FrozenDictionary<string, string> Names = Load();

    /// <summary>Every officially assigned code with its English short name.</summary>
    public static IReadOnlyDictionary<string, string> All => Names;

    /// <summary>True when <paramref name="code"/> is an officially assigned alpha-3 code, in upper case.</summary>
    public static bool IsValid(string? code) => code is not null && Names.ContainsKey(code);

    /// <summary>The English short name of <paramref name="code"/>, or null when the code is not assigned.</summary>
    public static string? NameOf(string code) => Names.GetValueOrDefault(code);

    /// <summary>The reason <paramref name="code"/> is not a valid country code, or null when it is.</summary>
    public static string? Problem(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "is required";
        }

        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
        {
            return $"'{code}' is not an ISO 3166-1 alpha-3 code (three upper-case letters, such as MAR)";
        }

        return IsValid(code) ? null : $"'{code}' is not an assigned ISO 3166-1 alpha-3 code";
    }

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("iso3166-alpha3.txt")
            ?? throw new InvalidOperationException("The ISO 3166-1 list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var bar = line.IndexOf('|', StringComparison.Ordinal);
            names.Add(line[..bar], line[(bar + 1)..]);
        }

        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
