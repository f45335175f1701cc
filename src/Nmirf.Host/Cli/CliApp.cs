using System.CommandLine;
using System.Data.Common;
using Nmirf.Host.Api;
using Nmirf.Host.Composition;

namespace Nmirf.Host.Cli;

/// <summary>
/// The <c>nmirf</c> command line. Exit codes: 0 done, 1 invalid input (message on stderr), 2 wrong usage.
/// With no verb it runs the server.
/// </summary>
internal static class CliApp
{
    public const int Done = 0;
    public const int InvalidInput = 1;
    public const int WrongUsage = 2;

    private const string ProviderOption = "--provider";
    private const string ConnectionStringOption = "--connection-string";
    private const string PluginsOption = "--plugins";

    /// <summary>The standard error of the running invocation, for warnings printed by the verbs' common set-up.</summary>
    private static readonly AsyncLocal<TextWriter?> CurrentError = new();

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        CurrentError.Value = stderr;
        var root = BuildCommands(stdout, stderr);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync(error.Message);
            }

            await stderr.WriteLineAsync("Run `nmirf --help` for usage.");
            return WrongUsage;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (ConfigurationException exception)
        {
            await stderr.WriteLineAsync($"configuration: {exception.Message}");
            return InvalidInput;
        }
        catch (DbException exception)
        {
            await stderr.WriteLineAsync($"database: {exception.Message}");
            return InvalidInput;
        }
    }

    internal static HostSettings Settings(ParseResult parsed, string? urls = null)
    {
        var overrides = new Dictionary<string, string?>();
        if (parsed.GetValue<string?>(ProviderOption) is { } provider)
        {
            overrides["Database:Provider"] = provider;
        }

        if (parsed.GetValue<string?>(ConnectionStringOption) is { } connectionString)
        {
            overrides["ConnectionStrings:Nmirf"] = connectionString;
        }

        if (parsed.GetValue<string?>(PluginsOption) is { } plugins)
        {
            overrides["Plugins:Path"] = plugins;
        }

        return new HostSettings(overrides, urls, CurrentError.Value);
    }

    private static RootCommand BuildCommands(TextWriter stdout, TextWriter stderr)
    {
        var provider = new Option<string?>(ProviderOption)
        {
            Description = "Database provider: Sqlite (default) or SqlServer; overrides Database:Provider.",
            Recursive = true,
        };
        var connectionString = new Option<string?>(ConnectionStringOption)
        {
            Description = "Overrides ConnectionStrings:Nmirf (default: Data Source=data/nmirf.db).",
            Recursive = true,
        };
        var plugins = new Option<string?>(PluginsOption)
        {
            Description = "The folder plugins are loaded from; overrides Plugins:Path (default: plugins/ beside the executable).",
            Recursive = true,
        };
        var urls = new Option<string?>("--urls") { Description = $"Where the server listens (default {ApiHost.DefaultUrls})." };
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not load the demo data into an empty database." };

        var serve = new Command("serve", "Run the web API (the default when no verb is given).") { urls, noDemo };
        serve.SetAction((parsed, ct) => ServeCommand.RunAsync(Settings(parsed, parsed.GetValue(urls)), parsed.GetValue(noDemo), stdout, ct));

        var root = new RootCommand("Nmirf: the information system of a national mechanism for implementation, reporting and follow-up.")
        {
            provider,
            connectionString,
            plugins,
            urls,
            noDemo,
            serve,
            DatabaseCommands.Migrate(stdout),
            DatabaseCommands.Demo(stdout, stderr),
            CountryCommands.Countries(stdout),
            MandateCommands.Mandate(stdout, stderr),
            PluginCommands.Plugins(stdout, stderr),
            ReportingCommands.Symbols(stdout, stderr),
            ReportingCommands.Calendar(stdout, stderr),
            ReportingCommands.Cycles(stdout, stderr),
            AccountCommands.Users(stdout, stderr),
            AccountCommands.Tokens(stdout, stderr),
            AccountCommands.Audit(stdout, stderr),
            RecommendationCommands.Recommendations(stdout, stderr),
            WorkflowCommands.Workflow(stdout, stderr),
            WorkflowCommands.Tasks(stdout, stderr),
            WorkflowCommands.Cycle(stdout, stderr),
            DraftCommands.Templates(stdout, stderr),
            DraftCommands.Draft(stdout, stderr),
            BenchCommands.Bench(stdout, stderr),
        };
        root.SetAction((parsed, ct) => ServeCommand.RunAsync(Settings(parsed, parsed.GetValue(urls)), parsed.GetValue(noDemo), stdout, ct));
        return root;
    }
}
