using Nmirf.Workflows.Definitions;
using WorkflowCore.Models;

namespace Nmirf.Workflows.Engine;

/// <summary>
/// Turns a checked definition into the kernel's: one kernel step per step, numbered in document order (the first
/// step is 0, where the kernel starts), outcome routes for the order written, <c>next</c>, returns and decision
/// cases, parallel branches as children, and a last step that records the run as completed.
/// </summary>
internal static class DefinitionCompiler
{
    public static WorkflowDefinition Compile(string key, WorkflowDocument document, TimeSpan retryInterval)
    {
        var all = document.AllSteps.ToList();
        var index = all.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var finish = all.Count;
        var steps = new WorkflowStepCollection(all.Count + 1);

        void CompileList(IReadOnlyList<StepDefinition> list, bool topLevel)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var spec = list[i];
                int? Target(string? name) => name switch
                {
                    null => null,
                    "end" => topLevel ? finish : -1,
                    _ => index[name],
                };

                var following = i + 1 < list.Count ? index[list[i + 1].Id] : (topLevel ? finish : -1);
                var onward = Target(spec.Next) ?? following;
                WorkflowStep step = spec.Type switch
                {
                    Activities.Task or Activities.DataRequest or Activities.Approval => new DefinedStep<HumanTaskBody> { Spec = spec },
                    Activities.WaitEvent => new DefinedStep<WaitEventBody> { Spec = spec },
                    Activities.Deadline or Activities.Delay => new DefinedStep<DateBody> { Spec = spec },
                    Activities.Parallel => new DefinedStep<ParallelBody> { Spec = spec },
                    Activities.Decision => new DefinedStep<DecisionBody> { Spec = spec },
                    Activities.Notify => new DefinedStep<NotifyBody> { Spec = spec },
                    Activities.GenerateDraft => new DefinedStep<GenerateDraftBody> { Spec = spec },
                    _ => new DefinedStep<PluginActivityBody> { Spec = spec },
                };
                step.Id = index[spec.Id];
                step.Name = spec.Id;
                step.ExternalId = spec.Id;

                void Add(string? value, int target, string? label = null)
                {
                    if (target >= 0)
                    {
                        step.Outcomes.Add(new Route(value, target, label));
                    }
                }

                switch (spec.Type)
                {
                    case Activities.Approval:
                        Add(HumanTaskBody.Approved, onward);
                        Add(HumanTaskBody.Returned, index[spec.OnReturn!], "returned");
                        break;
                    case Activities.Decision:
                        for (var c = 0; c < spec.Cases.Count; c++)
                        {
                            Add(DecisionBody.CaseOutcome(c), Target(spec.Cases[c].Next)!.Value, spec.Cases[c].When);
                        }

                        Add(DecisionBody.Otherwise, Target(spec.Otherwise) ?? onward, "otherwise");
                        break;
                    default:
                        Add(null, onward);
                        break;
                }

                foreach (var branch in spec.Branches)
                {
                    step.Children.Add(index[branch[0].Id]);
                    CompileList(branch, topLevel: false);
                }

                steps.Add(step);
            }
        }

        CompileList(document.Steps, topLevel: true);
        steps.Add(new WorkflowStep<FinishBody> { Id = finish, Name = "finish", ExternalId = "finish" });

        return new WorkflowDefinition
        {
            Id = key,
            Version = document.Version,
            Description = document.Name,
            DataType = typeof(CycleData),
            Steps = new WorkflowStepCollection(steps.OrderBy(s => s.Id).ToList()),
            DefaultErrorBehavior = WorkflowErrorHandling.Retry,
            DefaultErrorRetryInterval = retryInterval,
        };
    }
}
