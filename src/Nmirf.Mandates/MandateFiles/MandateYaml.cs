using System.Globalization;
using System.Text.RegularExpressions;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Mandates.Contracts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.Converters;
using YamlDotNet.Serialization.NamingConventions;

namespace Nmirf.Mandates.MandateFiles;

/// <summary>
/// Reads and writes a country's mandate as YAML, so that an administrator can keep it under version control.
/// Field names are camelCase and enumeration values kebab-case (<c>inter-ministerial</c>); dates are ISO 8601 days.
/// Every error carries the line and column of the offending node.
/// </summary>
public static partial class MandateYaml
{
    private static readonly DateOnlyConverter Dates = new(CultureInfo.InvariantCulture, false, "yyyy-MM-dd");

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithEnumNamingConvention(HyphenatedNamingConvention.Instance)
        .WithTypeConverter(Dates)
        // The contract's lists are read-only interfaces; YamlDotNet fills concrete lists.
        .WithTypeMapping<IReadOnlyList<string>, List<string>>()
        .WithTypeMapping<IReadOnlyList<MechanismCapacity>, List<MechanismCapacity>>()
        .WithTypeMapping<IReadOnlyList<InstitutionDto>, List<InstitutionDto>>()
        .WithTypeMapping<IReadOnlyList<FocalPointDto>, List<FocalPointDto>>()
        .WithTypeMapping<IReadOnlyList<RatificationDto>, List<RatificationDto>>()
        .Build();

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithEnumNamingConvention(HyphenatedNamingConvention.Instance)
        .WithTypeConverter(Dates)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .DisableAliases()
        .Build();

    [GeneratedRegex("^Property '(?<name>[^']*)' not found on type '(?<type>[^']*)'")]
    private static partial Regex UnknownProperty();

    /// <summary>The mandate in <paramref name="yaml"/>, or the syntax and type errors that prevent reading it.</summary>
    public static Result<MandateDocument> Read(string yaml)
    {
        try
        {
            var document = Deserializer.Deserialize<MandateDocument?>(yaml);
            return document is null
                ? Result<MandateDocument>.Failure(new Error("", "the file holds no mandate (it is empty)"))
                : document;
        }
        catch (YamlException exception)
        {
            var path = PathAt(yaml, exception.Start);
            return Result<MandateDocument>.Failure(new Error(path, Describe(exception, path))
            {
                Line = (int)exception.Start.Line,
                Column = (int)exception.Start.Column,
            });
        }
    }

    /// <summary>The mandate as YAML, in the order <see cref="GetMandate"/> returns it; null and empty values are left out.</summary>
    public static string Write(MandateDocument document) =>
        "# Mandate of " + document.Country?.Code + ": `nmirf mandate import <file>` applies this file; records missing from it are deleted.\n"
        + Serializer.Serialize(document);

    /// <summary>Adds the line and column of each error's field in <paramref name="yaml"/>, or of its nearest parent that the file contains.</summary>
    public static IReadOnlyList<Error> Locate(IReadOnlyList<Error> errors, string yaml)
    {
        var marks = IndexNodes(yaml);
        return errors.Select(error =>
        {
            for (var path = error.Field; ; path = Parent(path))
            {
                if (marks.TryGetValue(path, out var mark))
                {
                    return error with { Line = (int)mark.Line, Column = (int)mark.Column };
                }

                if (path.Length == 0)
                {
                    return error;
                }
            }
        }).ToList();
    }

    private static string Describe(YamlException exception, string path)
    {
        var innermost = exception.InnerException ?? exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        if (UnknownProperty().Match(exception.Message) is { Success: true } unknown)
        {
            return $"unknown field '{unknown.Groups["name"].Value}'";
        }

        var expected = TypeAt(path);
        if (expected is { IsEnum: true })
        {
            return $"unknown value; use one of {string.Join(", ", Enum.GetNames(expected).Select(n => HyphenatedNamingConvention.Instance.Apply(n)))}";
        }

        if (expected == typeof(DateOnly))
        {
            return "is not a date; write it as yyyy-MM-dd, such as 2011-04-11";
        }

        if (expected == typeof(bool))
        {
            return "is not true or false";
        }

        if (exception.Message.StartsWith("No node deserializer", StringComparison.Ordinal))
        {
            return expected is null || (path.Length == 0 && exception.Start.Line > 1) ? "this value is not of the kind expected here (a text, a list or a mapping of fields)"
                : expected == typeof(string) ? "expected a single text value here"
                : expected.IsGenericType && expected.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? "expected a list (lines starting with '- ')"
                : "expected a mapping of fields (name: value) here";
        }

        return innermost switch
        {
            FormatException format => $"wrong type: {format.Message}",
            _ => exception.InnerException is null ? exception.Message : $"{exception.Message} {innermost.Message}",
        };
    }

    /// <summary>The type a path such as <c>ratifications[0].date</c> expects in a mandate document, or null when the path leaves it.</summary>
    private static Type? TypeAt(string path)
    {
        var type = typeof(MandateDocument);
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            if (name.Length > 0)
            {
                var property = type.GetProperty(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase);
                if (property is null)
                {
                    return null;
                }

                type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            }

            for (var i = bracket; i >= 0; i = segment.IndexOf('[', i + 1))
            {
                if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IReadOnlyList<>))
                {
                    return null;
                }

                type = type.GetGenericArguments()[0];
            }
        }

        return type;
    }

    /// <summary>The path of the deepest node that starts at or before <paramref name="mark"/>; used to name the field of a syntax or type error.</summary>
    private static string PathAt(string yaml, Mark mark)
    {
        return IndexNodes(yaml)
            .Where(m => m.Value.Line == mark.Line && m.Value.Column <= mark.Column)
            .OrderByDescending(m => m.Value.Column)
            .Select(m => m.Key)
            .FirstOrDefault() ?? "";
    }

    private static Dictionary<string, Mark> IndexNodes(string yaml)
    {
        var marks = new Dictionary<string, Mark>(StringComparer.Ordinal);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
#pragma warning disable CA1031 // A file that does not parse has no node index; the parse error itself is reported by Read.
        catch (Exception)
#pragma warning restore CA1031
        {
            return marks;
        }

        if (stream.Documents.Count > 0)
        {
            Walk(stream.Documents[0].RootNode, "", marks);
        }

        return marks;
    }

    private static void Walk(YamlNode node, string path, Dictionary<string, Mark> marks)
    {
        marks.TryAdd(path, node.Start);
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "";
                    var child = path.Length == 0 ? name : $"{path}.{name}";
                    marks.TryAdd(child, key.Start);
                    Walk(value, child, marks);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Walk(sequence.Children[i], $"{path}[{i}]", marks);
                }

                break;
        }
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
