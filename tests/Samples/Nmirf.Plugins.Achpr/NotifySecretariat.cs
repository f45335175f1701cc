using System.Globalization;
using Nmirf.Plugins.Abstractions;

namespace Nmirf.Plugins.Achpr;

/// <summary>
/// A workflow activity of the sample plugin: records that the report was sent to the Commission's secretariat, by
/// which channel, and gives later decisions the channel and a reference. It shows how a plugin adds to the vocabulary
/// (docs/plugins.md); it sends nothing itself.
/// </summary>
public sealed class NotifySecretariat : IWorkflowActivity
{
    private static readonly string[] Channels = ["email", "post", "diplomatic-bag"];

    public string Type => "achpr:notify-secretariat";

    public IReadOnlyList<string> Check(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var problems = new List<string>();
        if (!parameters.TryGetValue("channel", out var channel))
        {
            problems.Add($"missing parameter 'channel': one of {string.Join(", ", Channels)}");
        }
        else if (!Channels.Contains(channel, StringComparer.Ordinal))
        {
            problems.Add($"channel '{channel}' is not one of {string.Join(", ", Channels)}");
        }

        problems.AddRange(parameters.Keys.Where(k => k != "channel").Select(k => $"unknown parameter '{k}': the only parameter is channel"));
        return problems;
    }

    public Task<IReadOnlyDictionary<string, string>> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyDictionary<string, string> values = new Dictionary<string, string>
        {
            ["channel"] = context.Parameters["channel"],
            ["reference"] = string.Create(CultureInfo.InvariantCulture, $"ACHPR-{context.Country}-{context.RunId.ToString("N")[..8]}"),
        };
        return Task.FromResult(values);
    }
}
