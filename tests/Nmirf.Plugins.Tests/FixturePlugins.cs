using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;
using Nmirf.Plugins.Abstractions;

namespace Nmirf.Plugins.Tests;

/// <summary>Builds plugin folders for the loader tests: a manifest and an assembly compiled from source, each broken on purpose.</summary>
internal sealed class FixturePlugins : IDisposable
{
    private static readonly MetadataReference[] References =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p)),
        MetadataReference.CreateFromFile(typeof(ITreatyBodyPlugin).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(IServiceCollection).Assembly.Location),
    ];

    public FixturePlugins() => Folder = Directory.CreateTempSubdirectory("nmirf-plugins-").FullName;

    public string Folder { get; }

    /// <summary>A well-formed plugin class named <paramref name="className"/> for body <paramref name="id"/>, with <paramref name="extra"/> inside it.</summary>
    public static string PluginClass(string id, string className = "FixturePlugin", string extra = "", string constructor = "") => $$"""
        using Nmirf.Plugins.Abstractions;
        public sealed class {{className}} : ITreatyBodyPlugin
        {
            public {{className}}() { {{constructor}} }
            public BodyDescriptor Descriptor => new("{{id}}", "Fixture body", "FIX", "Fixture treaty", BodyKind.Regional, [],
                new ReportStructure(StructureKind.Sections, [new("all", "All", [])], "fixture", false));
            public ReportingRules Rules { get; } = new([Rule.Duration(RuleKeys.PeriodicReportEvery, "P2Y", "fixture", verified: false)]);
            public System.Collections.Generic.IReadOnlyList<WorkflowTemplate> Workflows => [];
            {{extra}}
        }
        """;

    /// <summary>Writes <paramref name="folderName"/> with a manifest and, when <paramref name="source"/> is given, the compiled assembly.</summary>
    public string Add(string folderName, string? source, object? manifest = null, string assemblyName = "Fixture.dll")
    {
        var folder = Path.Combine(Folder, folderName);
        Directory.CreateDirectory(folder);
        manifest ??= new { id = folderName, name = "Fixture", version = "1.0.0", contractVersion = PluginContract.Version, entryAssembly = assemblyName };
        File.WriteAllText(Path.Combine(folder, "plugin.json"), manifest as string ?? JsonSerializer.Serialize(manifest));
        if (source is not null)
        {
            var compilation = CSharpCompilation.Create(
                Path.GetFileNameWithoutExtension(assemblyName) + "." + folderName.Replace('-', '_'),
                [CSharpSyntaxTree.ParseText(source)],
                References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var emitted = compilation.Emit(Path.Combine(folder, assemblyName));
            if (!emitted.Success)
            {
                throw new InvalidOperationException("Fixture does not compile: " + string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }
        }

        return folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (UnauthorizedAccessException)
        {
            // A loaded assembly may still be mapped; the temporary folder is left for the system to clean.
        }
    }
}
