using System.Text.Json;
using WorkflowCore.Interface;
using WorkflowCore.Models;

using Nmirf.Workflows.Definitions;

namespace Nmirf.Workflows.Engine;

/// <summary>The data a reporting-cycle workflow carries: which run it is, and the answers its steps collected.</summary>
public sealed class CycleData
{
    public Guid RunId { get; set; }
    public string Country { get; set; } = "";
    public string Body { get; set; } = "";
    public DateOnly? DueOn { get; set; }
    public Dictionary<string, JsonElement> Inputs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per step id, the values conditions read (a task's form answers, an approval's decision...).</summary>
    public Dictionary<string, Dictionary<string, JsonElement>> Answers { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>What a step remembers between its runs.</summary>
public sealed class StepState
{
    /// <summary>A parallel step has started its branches.</summary>
    public bool ChildrenActive { get; set; }

    /// <summary>A deadline or delay waits until then.</summary>
    public DateTimeOffset? WaitUntil { get; set; }
}

/// <summary>An outcome route: the step the kernel goes to when a step ends with <see cref="Value"/> (null: any end).</summary>
internal sealed class Route(string? value, int nextStep, string? label = null) : IStepOutcome
{
    public string? Value { get; } = value;
    public int NextStep { get; set; } = nextStep;
    public string? Label { get; set; } = label;
    public string? ExternalNextStepId { get; set; }

    public bool Matches(ExecutionResult executionResult, object data) =>
        Value is null || string.Equals(Value, executionResult.OutcomeValue as string, StringComparison.Ordinal);

    public bool Matches(object data) => Value is null;
}

/// <summary>A kernel step that knows the step of our definition it runs.</summary>
internal interface IDefinedStep
{
    StepDefinition? Spec { get; }
}

internal sealed class DefinedStep<TBody> : WorkflowStep<TBody>, IDefinedStep
    where TBody : IStepBody
{
    public StepDefinition? Spec { get; init; }
}

/// <summary>The kernel events our steps wait for.</summary>
internal static class StepEvents
{
    /// <summary>The human tasks of a step are done; keyed by the step's execution pointer.</summary>
    public const string TasksDone = "nmirf.tasks-done";

    /// <summary>A UN milestone was recorded; keyed by run and milestone.</summary>
    public const string Milestone = "nmirf.milestone";

    public static string MilestoneKey(Guid runId, string milestone) => $"{runId:N}:{milestone}";
}
