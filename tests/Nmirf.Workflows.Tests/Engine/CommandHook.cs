using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Nmirf.Workflows.Tests.Engine;

/// <summary>
/// Runs an action once, at a chosen moment of the first command on one database whose text holds all the given words,
/// through EF Core's diagnostic events: to put another writer's work exactly between two statements of the code under
/// test. Only commands on that database file are watched, so tests running alongside are not touched.
/// </summary>
internal sealed class CommandHook : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _path;
    private readonly string _event;
    private readonly string[] _words;
    private readonly Action _action;
    private readonly List<IDisposable> _subscriptions = [];
    private int _done;

    private CommandHook(string path, string eventName, string[] words, Action action)
    {
        (_path, _event, _words, _action) = (path, eventName, words, action);
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    /// <summary>Right after the command has been executed (a query's first row read).</summary>
    public static CommandHook AfterFirst(string path, string words, Action action) =>
        new(path, RelationalEventId.CommandExecuted.Name!, words.Split(' '), action);

    /// <summary>Right before the command is executed.</summary>
    public static CommandHook BeforeFirst(string path, string words, Action action) =>
        new(path, RelationalEventId.CommandExecuting.Name!, words.Split(' '), action);

    public bool Happened => Volatile.Read(ref _done) == 1;

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == _event && value.Value is CommandEventData { Command: DbCommand command }
            && command.Connection?.DataSource == _path && _words.All(w => command.CommandText.Contains(w, StringComparison.Ordinal))
            && Interlocked.Exchange(ref _done, 1) == 0)
        {
            _action();
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
