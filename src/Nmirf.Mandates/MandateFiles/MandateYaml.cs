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
            return Result<MandateDocument>.Failure(new Error(PathAt(yaml, exception.Start), Describe(exception))
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

    private static string Describe(YamlException exception)
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

        return innermost switch
        {
            FormatException format => $"wrong type: {format.Message}",
            OverflowException overflow => $"wrong type: {overflow.Message}",
            ArgumentException argument when argument.Message.Contains("Requested value", StringComparison.Ordinal) =>
                $"unknown value: {argument.Message}",
            _ => exception.InnerException is null ? exception.Message : $"{exception.Message} {innermost.Message}",
        };
    }

    /// <summary>The path of the deepest node that starts at or before <paramref name="mark"/>; used to name the field of a syntax or type error.</summary>
    private static string PathAt(string yaml, Mark mark)
    {
        Dictionary<string, Mark> marks;
        try
        {
            marks = IndexNodes(yaml);
        }
        catch (YamlException)
        {
            return "";
        }

        return marks
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
        catch (YamlException)
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
