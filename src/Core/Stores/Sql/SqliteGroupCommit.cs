using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;

namespace SecureMFA.Core.Stores.Sql
{
    /// <summary>
    /// Group commit for the SQLite store. SQLite makes each commit durable with an fsync of its write-ahead log
    /// (milliseconds on a virtual disk) and lets one writer in at a time, so N concurrent sign-ins would wait for N
    /// fsyncs in a row. Here the writes waiting at the same moment run one after another in one transaction, each in its
    /// own savepoint (a write that fails is rolled back alone), and one commit makes them durable before any caller gets
    /// its answer: the same statements, the same atomicity per statement, one fsync per batch instead of per sign-in.
    /// One caller at a time leads (runs a batch); when it is done it hands the lead to the first caller still waiting.
    /// </summary>
    internal sealed class SqliteGroupCommit
    {
        private const int MaxBatch = 256;
        private readonly Func<DbConnection> _open;
        private readonly object _gate = new object();
        private readonly Queue<Work> _queue = new Queue<Work>();
        private bool _leading;

        /// <param name="open">Opens a connection ready for use (busy timeout set).</param>
        public SqliteGroupCommit(Func<DbConnection> open) => _open = open;

        /// <summary>Runs the write in the next batch and returns its result once the batch is committed; throws what it threw, or what the commit threw.</summary>
        public T Run<T>(Func<DbConnection, DbTransaction, T> write)
        {
            var work = new Work((c, t) => write(c, t));
            bool lead;
            lock (_gate)
            {
                _queue.Enqueue(work);
                lead = !_leading;
                _leading = true;
            }
            if (!lead)
            {
                work.Signal.Wait();
                if (!work.Done) Lead();
            }
            else
            {
                Lead();
            }
            work.Signal.Dispose();
            if (work.Error != null) throw work.Error;
            return (T)work.Result!;
        }

        /// <summary>Runs one batch (this caller's write is its first), then passes the lead on or gives it up.</summary>
        private void Lead()
        {
            var batch = new List<Work>();
            lock (_gate)
                while (_queue.Count > 0 && batch.Count < MaxBatch) batch.Add(_queue.Dequeue());
            Execute(batch);
            Work? next = null;
            lock (_gate)
            {
                if (_queue.Count > 0) next = _queue.Peek();
                else _leading = false;
            }
            foreach (var work in batch)
            {
                work.Done = true;
                if (work != batch[0]) work.Signal.Set();
            }
            next?.Signal.Set();
        }

        private void Execute(List<Work> batch)
        {
            try
            {
                using (var connection = _open())
                using (var transaction = connection.BeginTransaction())
                {
                    foreach (var work in batch)
                    {
                        Statement(connection, transaction, "SAVEPOINT groupwrite");
                        try
                        {
                            work.Result = work.Write(connection, transaction);
                            Statement(connection, transaction, "RELEASE groupwrite");
                        }
                        catch (Exception ex)
                        {
                            work.Error = ex;
                            Statement(connection, transaction, "ROLLBACK TO groupwrite");
                            Statement(connection, transaction, "RELEASE groupwrite");
                        }
                    }
                    transaction.Commit();
                }
            }
            catch (Exception ex)
            {
                // Nothing was committed: every write of the batch failed, whatever it returned.
                foreach (var work in batch)
                {
                    work.Error = ex;
                    work.Result = null;
                }
            }
        }

        private static void Statement(DbConnection connection, DbTransaction transaction, string sql)
        {
            using (var command = SqlCommands.Create(connection, sql, transaction)) command.ExecuteNonQuery();
        }

        private sealed class Work
        {
            public Work(Func<DbConnection, DbTransaction, object?> write) => Write = write;

            public Func<DbConnection, DbTransaction, object?> Write { get; }
            public ManualResetEventSlim Signal { get; } = new ManualResetEventSlim();
            public object? Result { get; set; }
            public Exception? Error { get; set; }
            /// <summary>Set before the signal: false when the signal means "you lead now".</summary>
            public volatile bool Done;
        }
    }
}
