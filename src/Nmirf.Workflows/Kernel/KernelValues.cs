using System.Text.Json;
using Nmirf.Workflows.Engine;
using WorkflowCore.Models;

namespace Nmirf.Workflows.Kernel;

/// <summary>
/// The kernel keeps some values as <see cref="object"/> (a step's persistence data, an event's data, a pointer's
/// outcome). Our steps put only strings and <see cref="StepState"/> there, and this is all that is ever stored or
/// read back: each value is written with a tag from that closed set, never with a .NET type name, so nothing in
/// the database can make the process instantiate a type of its choosing.
/// </summary>
internal static class KernelValues
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string? Write(object? value) => value switch
    {
        null => null,
        string s => "s:" + s,
        StepState state => "state:" + JsonSerializer.Serialize(state, Json),
        bool b => b ? "b:1" : "b:0",
        int i => "i:" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"A workflow value of type {value.GetType().Name} cannot be stored: steps keep strings or step states only."),
    };

    public static object? Read(string? stored)
    {
        if (stored is null)
        {
            return null;
        }

        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        var tag = colon < 0 ? "" : stored[..colon];
        var text = colon < 0 ? stored : stored[(colon + 1)..];
        return tag switch
        {
            "s" => text,
            "state" => JsonSerializer.Deserialize<StepState>(text, Json),
            "b" => text == "1",
            "i" => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new InvalidDataException($"A stored workflow value has the unknown tag '{tag}'."),
        };
    }

    public static string? WriteData(object? data) => data switch
    {
        null => null,
        CycleData cycle => JsonSerializer.Serialize(cycle, Json),
        _ => throw new InvalidOperationException($"Workflow data of type {data.GetType().Name} cannot be stored: workflows carry cycle data only."),
    };

    public static CycleData ReadData(string? stored) =>
        stored is null ? new CycleData() : JsonSerializer.Deserialize<CycleData>(stored, Json) ?? new CycleData();

    public static string WriteList(IEnumerable<string>? values) => JsonSerializer.Serialize(values ?? [], Json);

    public static List<string> ReadList(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : JsonSerializer.Deserialize<List<string>>(stored, Json) ?? [];

    /// <summary>The kernel passes local times to some calls (its pollers) and UTC to others; stored times are UTC.</summary>
    public static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    public static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;

    public static void CopyTo(WorkflowInstance source, KernelWorkflow target)
    {
        target.DefinitionId = source.WorkflowDefinitionId;
        target.Version = source.Version;
        target.Description = source.Description;
        target.Reference = source.Reference;
        target.NextExecution = source.NextExecution;
        target.Status = (int)source.Status;
        target.Data = WriteData(source.Data);
        target.CreateTime = Utc(source.CreateTime);
        target.CompleteTime = Utc(source.CompleteTime);
    }

    public static void CopyTo(ExecutionPointer source, KernelPointer target)
    {
        target.StepId = source.StepId;
        target.Active = source.Active;
        target.SleepUntil = Utc(source.SleepUntil);
        target.PersistenceData = Write(source.PersistenceData);
        target.StartTime = Utc(source.StartTime);
        target.EndTime = Utc(source.EndTime);
        target.EventName = source.EventName;
        target.EventKey = source.EventKey;
        target.EventPublished = source.EventPublished;
        target.EventData = Write(source.EventData);
        target.StepName = source.StepName;
        target.RetryCount = source.RetryCount;
        target.Children = WriteList(source.Children);
        target.ContextItem = Write(source.ContextItem);
        target.PredecessorId = source.PredecessorId;
        target.Outcome = Write(source.Outcome);
        target.Status = (int)source.Status;
        target.Scope = WriteList(source.Scope);
    }

    public static WorkflowInstance ToInstance(KernelWorkflow stored)
    {
        var instance = new WorkflowInstance
        {
            Id = stored.Id,
            WorkflowDefinitionId = stored.DefinitionId,
            Version = stored.Version,
            Description = stored.Description,
            Reference = stored.Reference,
            NextExecution = stored.NextExecution,
            Status = (WorkflowStatus)stored.Status,
            Data = ReadData(stored.Data),
            CreateTime = Utc(stored.CreateTime),
            CompleteTime = Utc(stored.CompleteTime),
            ExecutionPointers = new ExecutionPointerCollection(stored.Pointers.Count + 4),
        };
        foreach (var p in stored.Pointers.OrderBy(p => p.StartTime ?? DateTime.MaxValue).ThenBy(p => p.Id, StringComparer.Ordinal))
        {
            instance.ExecutionPointers.Add(new ExecutionPointer
            {
                Id = p.Id,
                StepId = p.StepId,
                Active = p.Active,
                SleepUntil = Utc(p.SleepUntil),
                PersistenceData = Read(p.PersistenceData),
                StartTime = Utc(p.StartTime),
                EndTime = Utc(p.EndTime),
                EventName = p.EventName,
                EventKey = p.EventKey,
                EventPublished = p.EventPublished,
                EventData = Read(p.EventData),
                StepName = p.StepName,
                RetryCount = p.RetryCount,
                Children = ReadList(p.Children),
                ContextItem = Read(p.ContextItem),
                PredecessorId = p.PredecessorId,
                Outcome = Read(p.Outcome),
                Status = (PointerStatus)p.Status,
                Scope = ReadList(p.Scope),
            });
        }

        return instance;
    }
}
