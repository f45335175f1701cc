using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Scriban.Runtime;

namespace Nmirf.Drafting.Templates;

/// <summary>
/// Turns the report model into plain template data: script objects with snake_case keys, arrays, strings, numbers,
/// booleans and dates. Only the model's own records are walked; what a template receives holds no .NET object it
/// could reach members of.
/// </summary>
internal static class ScriptModel
{
    private static readonly Dictionary<Type, (string Name, PropertyInfo Property)[]> Shapes = [];
    private static readonly Lock ShapesLock = new();

    public static ScriptObject From(object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return (ScriptObject)Convert(model)!;
    }

    private static object? Convert(object? value) => value switch
    {
        null => null,
        string s => s,
        bool or int or long or double or decimal => value,
        Guid g => g.ToString(),
        DateOnly d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified),
        DateTime d => d,
        DateTimeOffset d => d.UtcDateTime,
        Enum e => JsonNamingPolicy.KebabCaseLower.ConvertName(e.ToString()),
        IEnumerable list => ToArray(list),
        _ when IsModelType(value.GetType()) => ToObject(value),
        _ => System.Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static ScriptArray ToArray(IEnumerable list)
    {
        var array = new ScriptArray();
        foreach (var item in list)
        {
            array.Add(Convert(item));
        }

        return array;
    }

    private static ScriptObject ToObject(object value)
    {
        var shape = ShapeOf(value.GetType());
        var result = new ScriptObject(shape.Length);
        foreach (var (name, property) in shape)
        {
            result.Add(name, Convert(property.GetValue(value)));
        }

        return result;
    }

    private static bool IsModelType(Type type) => type.Namespace == typeof(Reports.ReportModel).Namespace && type.Assembly == typeof(ScriptModel).Assembly;

    private static (string, PropertyInfo)[] ShapeOf(Type type)
    {
        lock (ShapesLock)
        {
            if (!Shapes.TryGetValue(type, out var shape))
            {
                shape = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
                    .Select(p => (JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name), p))
                    .ToArray();
                Shapes[type] = shape;
            }

            return shape;
        }
    }
}
