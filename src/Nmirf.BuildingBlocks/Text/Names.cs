using System.Text.Json;

namespace Nmirf.BuildingBlocks.Text;

/// <summary>How enumeration values are spelled in files, the CLI and the API: kebab case (<c>InterMinisterial</c> is <c>inter-ministerial</c>).</summary>
public static class Names
{
    public static string Kebab(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);

    public static string Kebab<T>(T value) where T : struct, Enum => Kebab(value.ToString());

    /// <summary>Every value of <typeparamref name="T"/>, spelled in kebab case, joined for a message.</summary>
    public static string AllOf<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(Kebab));
}
