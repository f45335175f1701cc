using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nmirf.Persistence.Sqlite;

/// <summary>
/// How a connection of this process waits for SQLite's write lock. SQLite has one writer at a time; its own wait
/// (<c>busy_timeout</c>) sleeps 1, 2, 5, 10 ... 100 ms between tries whatever happens meanwhile, so under a steady
/// stream of short writes (a workflow engine's steps) the lock often stands free while its waiters sleep. Here the
/// waiters of this process are woken as soon as one of its connections commits (SQLite calls the write-ahead log's
/// hook once the commit is done and the lock released), and otherwise retry every millisecond, which covers writers
/// of other processes and rolled-back transactions. They give up after <see cref="Timeout"/>, as <c>busy_timeout</c>
/// did. The log hook replaces SQLite's automatic checkpoint, so it checkpoints the way SQLite's own hook does: once the
/// log holds <see cref="CheckpointPages"/> pages.
/// </summary>
internal static unsafe partial class WriteLockWaits
{
    /// <summary>How long a writer waits for the lock before SQLite reports the database busy.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>SQLite's default for <c>wal_autocheckpoint</c>.</summary>
    public const int CheckpointPages = 1000;

    private static readonly object Gate = new();

    private static int _waiting;

    [ThreadStatic]
    private static long t_waitingSince;

    /// <summary>Installs the wait and the commit signal on an open connection's handle.</summary>
    public static void Install(IntPtr db)
    {
        var rc = sqlite3_busy_handler(db, &OnBusy, IntPtr.Zero);
        if (rc != 0)
        {
            throw new InvalidOperationException($"SQLite refused the busy handler (error {rc}).");
        }

        sqlite3_wal_hook(db, &OnCommitted, IntPtr.Zero);
    }

    /// <summary>Called by SQLite on the waiting thread each time the lock is found taken; 0 gives up, 1 tries again.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnBusy(IntPtr argument, int tries)
    {
        var now = Stopwatch.GetTimestamp();
        if (tries == 0)
        {
            t_waitingSince = now;
        }
        else if (Stopwatch.GetElapsedTime(t_waitingSince, now) >= Timeout)
        {
            return 0;
        }

        Interlocked.Increment(ref _waiting);
        try
        {
            lock (Gate)
            {
                Monitor.Wait(Gate, 1);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        return 1;
    }

    /// <summary>Called by SQLite after a connection of this process committed, with the write lock released.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnCommitted(IntPtr argument, IntPtr db, IntPtr schema, int pages)
    {
        if (Volatile.Read(ref _waiting) > 0)
        {
            lock (Gate)
            {
                Monitor.PulseAll(Gate);
            }
        }

        if (pages >= CheckpointPages)
        {
            // What SQLite's own hook does: a passive checkpoint, which waits for nobody and nobody waits for. A
            // checkpoint that cannot finish (a reader still on old pages) is not an error of the commit; the next one
            // goes on from where it stopped, as with SQLite's own hook.
            _ = sqlite3_wal_checkpoint(db, schema);
        }

        return 0;
    }

    // The library SQLitePCLRaw loads (its provider binds the same name); these three calls are not in its API.
    private const string Library = "e_sqlite3";

    [LibraryImport(Library)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int sqlite3_busy_handler(IntPtr db, delegate* unmanaged[Cdecl]<IntPtr, int, int> handler, IntPtr argument);

    [LibraryImport(Library)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial IntPtr sqlite3_wal_hook(IntPtr db, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, int, int> hook, IntPtr argument);

    [LibraryImport(Library)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int sqlite3_wal_checkpoint(IntPtr db, IntPtr schema);
}
