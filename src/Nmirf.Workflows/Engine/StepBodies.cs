using System.Text.Json;
using Microsoft.Extensions.Logging;
using Nmirf.Plugins.Abstractions;
using Nmirf.Workflows.Definitions;
using Nmirf.Workflows.Expressions;
using Nmirf.Workflows.Contracts;
using Nmirf.Workflows.Tasks;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Nmirf.Workflows.Engine;

// The kernel's step bodies, one per activity. Each reads its step from the compiled definition (IDefinedStep)
// and the run from the workflow's data. Bodies that touch the database are idempotent: after a crash the kernel
// runs a step again, and it must neither lose nor duplicate what the first run did.

internal static class StepContext
{
    public static StepDefinition Spec(this IStepExecutionContext context) =>
        (context.Step as IDefinedStep)?.Spec ?? throw new InvalidOperationException($"Step {context.Step.Id} has no definition.");

    public static CycleData Data(this IStepExecutionContext context) =>
        context.Workflow.Data as CycleData ?? throw new InvalidOperationException($"Workflow {context.Workflow.Id} carries no cycle data.");

    public static DateTimeOffset Started(this IStepExecutionContext context, TimeProvider clock) =>
        context.ExecutionPointer.StartTime is { } start ? new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Utc)) : clock.GetUtcNow();
}

/// <summary>task, data-request and approval: create the step's human tasks, then wait until they are done.</summary>
internal sealed class HumanTaskBody(HumanTaskFactory tasks, TimeProvider clock) : StepBodyAsync
{
    public const string Approved = "approved";
    public const string Returned = "returned";

    public override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var spec = context.Spec();
        var data = context.Data();
        var pointer = context.ExecutionPointer;
        if (!pointer.EventPublished)
        {
            await tasks.EnsureTasksAsync(data, spec, context.Workflow.Id, pointer.Id, context.Started(clock), context.CancellationToken);

            // As of the beginning of time: a completion recorded before the subscription is still delivered.
            return ExecutionResult.WaitForEvent(StepEvents.TasksDone, pointer.Id, DateTime.MinValue);
        }

        var outcome = TaskOutcome.Parse(pointer.EventData as string);
        data.Answers[spec.Id] = outcome.Values;
        return spec.Type == Activities.Approval
            ? ExecutionResult.Outcome(outcome.Decision == Returned ? Returned : Approved)
            : ExecutionResult.Next();
    }
}

/// <summary>wait-event: wait until the milestone is recorded for the run (even if it was recorded before).</summary>
internal sealed class WaitEventBody : StepBodyAsync
{
    public override Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var spec = context.Spec();
        var data = context.Data();
        var pointer = context.ExecutionPointer;
        if (!pointer.EventPublished)
        {
            return Task.FromResult(ExecutionResult.WaitForEvent(StepEvents.Milestone, StepEvents.MilestoneKey(data.RunId, spec.Event!), DateTime.MinValue));
        }

        data.Answers[spec.Id] = TaskOutcome.Parse(pointer.EventData as string).Values;
        return Task.FromResult(ExecutionResult.Next());
    }
}

/// <summary>deadline and delay: sleep until the date, counted on the injected clock.</summary>
internal sealed class DateBody(TimeProvider clock) : StepBodyAsync
{
    public override Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var spec = context.Spec();
        var data = context.Data();
        var until = (context.PersistenceData as StepState)?.WaitUntil
            ?? (spec.Type == Activities.Deadline
                ? spec.Until!.Resolve(data.DueOn, context.Started(clock))
                : spec.Duration!.AddTo(context.Started(clock)));
        var now = clock.GetUtcNow();
        return Task.FromResult(now >= until
            ? ExecutionResult.Next()
            : ExecutionResult.Sleep(until - now, new StepState { WaitUntil = until }));
    }
}

/// <summary>parallel: start every branch, then wait until all have completed.</summary>
internal sealed class ParallelBody : StepBodyAsync
{
    public override Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        if (context.PersistenceData is not StepState { ChildrenActive: true })
        {
            return Task.FromResult(ExecutionResult.Branch([null!], new StepState { ChildrenActive = true }));
        }

        return Task.FromResult(context.Workflow.IsBranchComplete(context.ExecutionPointer.Id)
            ? ExecutionResult.Next()
            : ExecutionResult.Persist(context.PersistenceData));
    }
}

/// <summary>decision: the first case whose condition holds, else otherwise.</summary>
internal sealed class DecisionBody : StepBodyAsync
{
    public const string Otherwise = "otherwise";

    public static string CaseOutcome(int index) => "case-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var spec = context.Spec();
        var data = context.Data();
        for (var i = 0; i < spec.Cases.Count; i++)
        {
            // Checked when the definition was saved; a definition that no longer parses cannot be running.
            var condition = Condition.TryParse(spec.Cases[i].When, out _)!;
            if (condition.Holds(r => Read(data, r)))
            {
                return Task.FromResult(ExecutionResult.Outcome(CaseOutcome(i)));
            }
        }

        return Task.FromResult(ExecutionResult.Outcome(Otherwise));
    }

    private static JsonElement? Read(CycleData data, Condition.Reference reference)
    {
        var source = reference.Step == "inputs" ? data.Inputs : data.Answers.GetValueOrDefault(reference.Step);
        return source is not null && source.TryGetValue(reference.Field, out var value) ? value : null;
    }
}

/// <summary>notify: record a message for the assignees (and log it); e-mail delivery reads the records.</summary>
internal sealed class NotifyBody(HumanTaskFactory tasks) : StepBodyAsync
{
    public override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        await tasks.NotifyAsync(context.Data(), context.Spec(), context.ExecutionPointer.Id, context.CancellationToken);
        return ExecutionResult.Next();
    }
}

/// <summary>generate-draft: ask the drafting module for a draft.</summary>
internal sealed class GenerateDraftBody(IDraftRequester drafts) : StepBodyAsync
{
    public override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        await drafts.RequestAsync(context.Data(), context.Spec().Document!, context.ExecutionPointer.Id, context.CancellationToken);
        return ExecutionResult.Next();
    }
}

/// <summary>An activity a plugin registered.</summary>
internal sealed class PluginActivityBody(IEnumerable<IWorkflowActivity> activities, ILogger<PluginActivityBody> logger) : StepBodyAsync
{
    public override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var spec = context.Spec();
        var data = context.Data();
        var activity = activities.FirstOrDefault(a => a.Type == spec.Type)
            ?? throw new InvalidOperationException($"No loaded plugin provides the activity '{spec.Type}' of step '{spec.Id}'.");
        var values = await activity.RunAsync(new ActivityContext(data.RunId, data.Country, data.Body, spec.Id, spec.With), context.CancellationToken);
        data.Answers[spec.Id] = values.ToDictionary(v => v.Key, v => JsonSerializer.SerializeToElement(v.Value), StringComparer.Ordinal);
        logger.LogInformation("Activity {Type} of step {Step} ran for run {Run}", spec.Type, spec.Id, data.RunId);
        return ExecutionResult.Next();
    }
}

/// <summary>The step after the last: records the run as completed, in the module's audited tables.</summary>
internal sealed class FinishBody(WorkflowsDbContext db, TimeProvider clock) : StepBodyAsync
{
    public override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var data = context.Data();
        var run = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.Runs, r => r.Id == data.RunId, context.CancellationToken);
        if (run is { State: RunState.Running })
        {
            run.State = RunState.Completed;
            run.CompletedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(context.CancellationToken);
        }

        return ExecutionResult.Next();
    }
}

/// <summary>What the tasks of a step produced: a decision (approvals) and the values conditions read.</summary>
internal sealed record TaskOutcome(string? Decision, Dictionary<string, JsonElement> Values)
{
    public static TaskOutcome Parse(string? payload)
    {
        if (string.IsNullOrEmpty(payload))
        {
            return new TaskOutcome(null, new Dictionary<string, JsonElement>(StringComparer.Ordinal));
        }

        using var document = JsonDocument.Parse(payload);
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (document.RootElement.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in v.EnumerateObject())
            {
                values[property.Name] = property.Value.Clone();
            }
        }

        var decision = document.RootElement.TryGetProperty("decision", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        return new TaskOutcome(decision, values);
    }

    public string ToPayload() => JsonSerializer.Serialize(new { decision = Decision, values = Values });
}
